// What a kiosk tells the office about itself: the OS, the printer and the camera, read fresh.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/device_probe.hpp"
#include "support/temp_dir.hpp"

using namespace dc;

TEST_CASE("device probe: the OS from os-release and uname", "[app][probe]") {
    test::TempDir dir;
    std::ofstream(dir / "os-release") << "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n";
    const std::string os = osVersion(dir / "os-release");
    CHECK(os.starts_with("Debian GNU/Linux 12 (bookworm), Linux "));
    CHECK(osVersion(dir / "missing").starts_with("Linux "));  // no os-release: the kernel still says
    std::ofstream(dir / "odd") << "PRETTY_NAME=plain\n";
    CHECK(osVersion(dir / "odd").starts_with("plain, "));
}

TEST_CASE("device probe: the printer is ready only when its device is there and writable", "[app][probe]") {
    test::TempDir dir;
    CHECK(printerState("", "") == "none");
    CHECK(printerState("/dev/usb/lp0", dir.path()) == "PNG files");
    CHECK(printerState((dir / "lp0").string(), "") == "not connected: " + (dir / "lp0").string());
    std::ofstream(dir / "file") << "x";
    CHECK(printerState((dir / "file").string(), "").starts_with("not connected"));  // a file is not a printer
    CHECK(printerState("/dev/null", "") == "ready");  // a writable character device
}

TEST_CASE("device probe: the camera by its backend and the video nodes present", "[app][probe]") {
    test::TempDir dir;
    CHECK(cameraState("v4l2", dir.path()) == "v4l2: no camera");
    std::ofstream(dir / "video0") << "";  // a plain file is no camera
    CHECK(cameraState("auto", dir.path()) == "auto: no camera");
    std::filesystem::create_symlink("/dev/null", dir / "video1");  // a character device
    CHECK(cameraState("v4l2", dir.path()) == "v4l2: camera found");
    CHECK(cameraState("synthetic", dir.path()) == "synthetic");
    CHECK(cameraState("file:/srv/frames", dir.path()) == "file");
    CHECK(cameraState("v4l2", dir / "missing") == "v4l2: no camera");
    const sync::DeviceState state = DeviceProbe{"", "", "none", dir.path()}();
    CHECK(state.printer == "none");
    CHECK(state.camera == "none");
    CHECK_FALSE(state.osVersion.empty());
}
