// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "KneeBase",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kneebase", targets: ["kneebase"]),
        .library(name: "KneeBase", targets: ["KneeBase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        .target(name: "CKneeSupport"),
        .target(
            name: "KneeBase",
            dependencies: [
                "CLibXML2", "CCmarkGFM", "CStemmer", "CKneeSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            linkerSettings: [
                // libstemmer's static archive on Linux (libstemmer-dev has it): loading the
                // shared library and relocating it costs a `kneebase search` more than the
                // stemming does. `CStemmer`'s module map names no library for this reason.
                .linkedLibrary(":libstemmer.a", .when(platforms: [.linux])),
                .linkedLibrary("stemmer", .when(platforms: [.macOS])),
            ]
        ),
        .executableTarget(
            name: "kneebase",
            dependencies: [
                "KneeBase",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "KneeBaseTests",
            dependencies: ["KneeBase"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
