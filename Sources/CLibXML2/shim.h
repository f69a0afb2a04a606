// Debian's libxml2 is built with ICU; a Swift module that also sees Foundation then fails on a
// clean build with "'UErrorCode' has different definitions". Undefining LIBXML_ICU_ENABLED after
// xmlversion.h keeps the ICU headers out. Include further libxml2 headers below it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
