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
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
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
                "CVips",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "hienmau",
            dependencies: [
                "HienMauKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .testTarget(
            name: "HienMauKitTests",
            dependencies: ["HienMauKit"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
