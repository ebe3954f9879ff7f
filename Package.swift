// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "hienmau",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hienmau", targets: ["hienmau"]),
        .library(name: "HienMauKit", targets: ["HienMauKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libxml2 from the system (Debian: libxml2-dev): the workbook's XML, streamed.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // libvips from the system (Debian: libvips-dev), for the photos.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        .target(
            name: "HienMauKit",
            dependencies: [
                "CCmark",
                "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "CVips",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The commit a release build is made from (scripts/dist.sh writes it into a header).
        .target(name: "CBuildInfo"),
        .executableTarget(
            name: "hienmau",
            dependencies: [
                "HienMauKit",
                "CBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "HienMauKitTests",
            dependencies: [
                "HienMauKit",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
