// swift-tools-version: 6.1
// libFuzzer targets for Gloss (issue 21), kept out of the main package so that `swift build` and
// `swift test` there never see them. Build and run with `./fuzz.sh` (see README.md).
import PackageDescription

let fuzzTarget: (String) -> Target = { name in
    .executableTarget(
        name: name,
        dependencies: [
            "FuzzSupport",
            .product(name: "GlossCore", package: "Gloss"),
            .product(name: "GlossFormats", package: "Gloss"),
        ],
        // libFuzzer brings `main`; the target holds only `LLVMFuzzerTestOneInput`.
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "GlossFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Gloss", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [
            .product(name: "GlossCore", package: "Gloss"),
            .product(name: "GlossFormats", package: "Gloss"),
        ]),
        fuzzTarget("FuzzScanner"),
        fuzzTarget("FuzzFootnotes"),
        fuzzTarget("FuzzReferences"),
        fuzzTarget("FuzzBibTeX"),
        fuzzTarget("FuzzTEI"),
    ]
)
