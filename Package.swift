// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Gloss",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "gloss", targets: ["gloss"]),
        .library(name: "GlossCore", targets: ["GlossCore"]),
        .library(name: "GlossStore", targets: ["GlossStore"]),
        .library(name: "GlossFormats", targets: ["GlossFormats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `gloss serve`. No traits: swift-configuration is not needed (tools version 6.1 for `traits:`).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // Pure logic: model, text, scanning, references, resolving, anchoring, checks.
        .target(name: "GlossCore", dependencies: ["CGlossSIMD"], exclude: ["README.md"]),
        // The first pass's vector loop with AVX2/AVX-512BW, chosen at run time (see its header).
        .target(name: "CGlossSIMD"),
        // The workspace on disk.
        .target(
            name: "GlossStore",
            dependencies: ["GlossCore", .product(name: "Crypto", package: "swift-crypto")],
            exclude: ["README.md"]
        ),
        // libxml2 through pkg-config; see CLibXML2/shim.h for the ICU workaround.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Reading and writing formats (BibTeX, CSL-JSON, TEI, W3C).
        .target(name: "GlossFormats", dependencies: ["GlossCore", "CLibXML2", "ZIPFoundation"], exclude: ["README.md"]),
        // `gloss serve` on Hummingbird, in a target of its own so that the libraries and their
        // tests never wait for the server's dependencies to build.
        .target(
            name: "GlossServer",
            dependencies: [
                "GlossCore", "GlossStore", "GlossFormats",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "gloss",
            dependencies: [
                "GlossCore", "GlossStore", "GlossFormats", "GlossServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GlossCoreTests", dependencies: ["GlossCore"]),
        .testTarget(name: "GlossStoreTests", dependencies: ["GlossStore"]),
        .testTarget(name: "GlossFormatsTests", dependencies: ["GlossFormats"], exclude: ["Fixtures"]),
        .testTarget(name: "GlossEndToEndTests", dependencies: ["gloss", "GlossFormats"]),
    ]
)
