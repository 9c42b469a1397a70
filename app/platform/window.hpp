#pragma once
// The kiosk's window: a full-screen, borderless OpenGL 3 surface with Dear ImGui's platform and
// renderer backends attached. Backends live in sdl/ and glfw/; each defines createWindow().
//
//  [X] Full screen at the display's resolution, or a fixed window size for development
//  [X] Waits for events with a timeout (an idle kiosk draws nothing); wake() from any thread
//  [X] Synthetic pointer, text and key input through the backend's own input path (automation)
//  [X] Screenshot of the frame just drawn
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "common/error.hpp"

namespace dc::platform {

struct WindowOptions {
    std::string title = "Digital Citizen";
    bool fullscreen = true;
    int width = 1280, height = 800;  // used when not full screen
    // Called once the window's size is known, before the window and its GL context are made
    // (slow under a software GL driver): work that depends on the size, such as baking the
    // fonts, can run meanwhile on another thread.
    std::function<void(int width, int height)> onSizeKnown;
};

class Window {
public:
    virtual ~Window() = default;
    virtual const char* backendName() const = 0;
    virtual int width() const = 0;
    virtual int height() const = 0;

    // Waits up to `timeoutSeconds` (negative: until something happens) and feeds every event to
    // ImGui. Returns true when any event arrived.
    virtual bool waitEvents(double timeoutSeconds) = 0;
    // Requests to close the window (a window manager's close button, Alt+F4 through it, SDL_QUIT)
    // so far. A kiosk refuses them: only technician mode or a signal from systemd stops it.
    virtual int closeRequests() const = 0;
    virtual void wake() = 0;  // thread-safe: ends a waitEvents() early

    virtual void newFrame() = 0;  // backend NewFrame + ImGui::NewFrame
    // Renders ImGui's draw data and presents it; saves it first as a PNG when `screenshot` is set.
    virtual Expected<void> present(const std::filesystem::path* screenshot) = 0;

    virtual void injectPointerMove(float x, float y) = 0;
    virtual void injectPointerButton(bool down) = 0;
    virtual void injectText(const std::string& utf8) = 0;
    virtual void injectKey(const std::string& name) = 0;  // names as in automation_script.hpp
    virtual void injectCloseRequest() = 0;  // what a window manager's close button sends
};

Expected<std::unique_ptr<Window>> createWindow(const WindowOptions& options);

// Shared by the backends: renders ImGui's draw data into the back buffer and, when asked, saves
// that buffer as a PNG before the backend swaps it.
Expected<void> renderFrame(int width, int height, const std::filesystem::path* screenshot);
Expected<void> saveBackBufferPng(int width, int height, const std::filesystem::path& file);
// After the font atlas was rebuilt (a new text size): uploads it again. Call between frames.
void reloadFontTexture();
// A camera preview as a texture ImGui can draw: creates it on first use (`texture` 0) or
// replaces its pixels, and returns its id. Gray pixels, shown as gray. UI thread only.
uintptr_t uploadGrayTexture(uintptr_t texture, int width, int height, const uint8_t* gray);
void deleteTexture(uintptr_t texture);
// Once the first frame has uploaded the atlas: frees ImGui's CPU copies of its pixels (an alpha
// and an RGBA copy of a 4096-wide atlas, several megabytes the GL texture already holds).
void releaseFontPixels();

}  // namespace dc::platform
