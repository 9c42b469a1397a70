// SDL2 backend: X11, Wayland, KMS/DRM (no display server) and the offscreen driver.
#include <GL/gl.h>
#include <SDL.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <optional>
#include <string>

#include "app/platform/injected_key.hpp"
#include "app/platform/window.hpp"
#include "common/utf8.hpp"

namespace dc::platform {
namespace {

struct KeyStroke {
    SDL_Scancode scancode;
    Uint16 modifiers = KMOD_NONE;
};

std::optional<KeyStroke> keyStrokeFor(const std::string& name) {
    if (name == "Alt+F4") return KeyStroke{SDL_SCANCODE_F4, KMOD_LALT};
    if (name == "Alt+Tab") return KeyStroke{SDL_SCANCODE_TAB, KMOD_LALT};
    if (name == "Ctrl+Q") return KeyStroke{SDL_SCANCODE_Q, KMOD_LCTRL};
    if (name == "Ctrl+W") return KeyStroke{SDL_SCANCODE_W, KMOD_LCTRL};
    if (name == "Enter") return KeyStroke{SDL_SCANCODE_RETURN};
    if (name == "Escape") return KeyStroke{SDL_SCANCODE_ESCAPE};
    if (name == "Backspace") return KeyStroke{SDL_SCANCODE_BACKSPACE};
    if (name == "Tab") return KeyStroke{SDL_SCANCODE_TAB};
    if (name == "Up") return KeyStroke{SDL_SCANCODE_UP};
    if (name == "Down") return KeyStroke{SDL_SCANCODE_DOWN};
    if (name == "Left") return KeyStroke{SDL_SCANCODE_LEFT};
    if (name == "Right") return KeyStroke{SDL_SCANCODE_RIGHT};
    return std::nullopt;
}

// True on an X server with no window manager (a kiosk's bare X, Xvfb in tests). Asking for
// full screen there is asking nobody: SDL waits for an answer (about 100 ms) before going on.
bool x11WithoutWindowManager() {
    const char* driver = SDL_GetCurrentVideoDriver();
    if (!driver || std::string(driver) != "x11") return false;
    Display* display = XOpenDisplay(nullptr);
    if (!display) return false;
    bool none = true;
    const Atom check = XInternAtom(display, "_NET_SUPPORTING_WM_CHECK", True);
    if (check != None) {
        Atom type = None;
        int format = 0;
        unsigned long count = 0, after = 0;
        unsigned char* data = nullptr;
        if (XGetWindowProperty(display, DefaultRootWindow(display), check, 0, 1, False, XA_WINDOW, &type, &format, &count, &after,
                               &data) == Success &&
            data) {
            none = count == 0;
            XFree(data);
        }
    }
    XCloseDisplay(display);
    return none;
}

class SdlWindow final : public Window {
public:
    SdlWindow(SDL_Window* window, SDL_GLContext gl, Uint32 wakeEvent) : m_window(window), m_gl(gl), m_wakeEvent(wakeEvent) {}

    ~SdlWindow() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        SDL_GL_DeleteContext(m_gl);
        SDL_DestroyWindow(m_window);
        SDL_Quit();
    }

    const char* backendName() const override { return "sdl2"; }
    int width() const override {
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(m_window, &w, &h);
        return w;
    }
    int height() const override {
        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(m_window, &w, &h);
        return h;
    }

    bool waitEvents(double timeoutSeconds) override {
        if (const auto key = m_keyUp.due()) pushKey(*key, false);
        SDL_Event event;
        bool any = false;
        const int timeoutMs = timeoutSeconds < 0 ? -1 : static_cast<int>(timeoutSeconds * 1000.0);
        const int first = timeoutMs < 0 ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeoutMs);
        if (first) {
            handle(event);
            any = true;
            while (SDL_PollEvent(&event)) handle(event);
        }
        return any;
    }

    int closeRequests() const override { return m_closeRequests; }

    void wake() override {
        SDL_Event event{};
        event.type = m_wakeEvent;
        SDL_PushEvent(&event);  // SDL_PushEvent is thread-safe
    }

    void newFrame() override {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        // The backend reads the button from the OS, which never saw an injected press: keep an
        // injected finger down until it is lifted, so a scripted swipe is a drag, not a tap.
        if (m_injectedButtonDown) ImGui::GetIO().MouseDown[0] = true;
        ImGui::NewFrame();
        m_keyUp.frameStarted();
    }

    Expected<void> present(const std::filesystem::path* screenshot) override {
        Expected<void> saved = renderFrame(width(), height(), screenshot);
        SDL_GL_SwapWindow(m_window);
        return saved;
    }

    void injectPointerMove(float x, float y) override {
        // Warping moves the real pointer (X11) or SDL's own (offscreen, KMS); the ImGui backend
        // reads it back from SDL like any other pointer position.
        SDL_WarpMouseInWindow(m_window, static_cast<int>(x), static_cast<int>(y));
        m_pointerX = static_cast<int>(x);
        m_pointerY = static_cast<int>(y);
    }

    void injectPointerButton(bool down) override {
        m_injectedButtonDown = down;
        SDL_Event event{};
        event.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
        event.button.windowID = SDL_GetWindowID(m_window);
        event.button.button = SDL_BUTTON_LEFT;
        event.button.state = down ? SDL_PRESSED : SDL_RELEASED;
        event.button.clicks = 1;
        event.button.x = m_pointerX;
        event.button.y = m_pointerY;
        SDL_PushEvent(&event);
    }

    void injectText(const std::string& utf8) override {
        // One character per event: SDL's text event holds at most 31 bytes.
        for (const std::string& ch : utf8::characters(utf8)) {
            SDL_Event event{};
            event.type = SDL_TEXTINPUT;
            event.text.windowID = SDL_GetWindowID(m_window);
            SDL_strlcpy(event.text.text, ch.c_str(), sizeof event.text.text);
            SDL_PushEvent(&event);
        }
    }

    void injectKey(const std::string& name) override {
        const auto stroke = keyStrokeFor(name);
        if (!stroke) return;
        pushKey(stroke->scancode, true, stroke->modifiers);
        m_keyUp.pressed(stroke->scancode);
    }

    void injectCloseRequest() override {
        // What SDL makes of a window manager's close: the window's close event, then SDL_QUIT as
        // it was the last window.
        SDL_Event close{};
        close.type = SDL_WINDOWEVENT;
        close.window.event = SDL_WINDOWEVENT_CLOSE;
        close.window.windowID = SDL_GetWindowID(m_window);
        SDL_PushEvent(&close);
        SDL_Event quit{};
        quit.type = SDL_QUIT;
        SDL_PushEvent(&quit);
    }

private:
    void pushKey(SDL_Scancode scancode, bool down, Uint16 modifiers = KMOD_NONE) {
        SDL_Event event{};
        event.key.keysym.mod = modifiers;
        event.type = down ? SDL_KEYDOWN : SDL_KEYUP;
        event.key.windowID = SDL_GetWindowID(m_window);
        event.key.state = down ? SDL_PRESSED : SDL_RELEASED;
        event.key.keysym.scancode = scancode;
        event.key.keysym.sym = SDL_GetKeyFromScancode(scancode);
        SDL_PushEvent(&event);
    }

    void handle(const SDL_Event& event) {
        if (event.type == m_wakeEvent) return;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) ++m_closeRequests;
    }

    SDL_Window* m_window;

    bool m_injectedButtonDown = false;
    SDL_GLContext m_gl;
    Uint32 m_wakeEvent;
    int m_closeRequests = 0;
    int m_pointerX = 0, m_pointerY = 0;
    InjectedKeyRelease<SDL_Scancode> m_keyUp;
};

}  // namespace

Expected<std::unique_ptr<Window>> createWindow(const WindowOptions& options) {
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    // SIGTERM and SIGINT are the kiosk's to handle (a clean stop for systemd), not SDL's.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        std::string why = SDL_GetError();
        SDL_Quit();
        return fail(ErrorCode::MissingResource,
                    "no display: SDL could not start video (" + why +
                        "). Run on a machine with a screen, set DISPLAY, or use scripts/run-kiosk.sh, "
                        "which starts a virtual display (Xvfb) when there is none.");
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN;
    int w = options.width, h = options.height;
    int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
    if (options.fullscreen) {
        flags |= SDL_WINDOW_BORDERLESS;
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
        // Without a window manager a borderless window over the whole screen is full screen.
        if (x11WithoutWindowManager())
            x = y = 0;
        else
            flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    }
    if (options.onSizeKnown) options.onSizeKnown(w, h);
    SDL_Window* window = SDL_CreateWindow(options.title.c_str(), x, y, w, h, flags);
    if (!window) {
        std::string why = SDL_GetError();
        SDL_Quit();
        return fail(ErrorCode::MissingResource, "could not open the kiosk window: " + why);
    }
    SDL_GLContext gl = SDL_GL_CreateContext(window);
    if (!gl) {
        std::string why = SDL_GetError();
        SDL_DestroyWindow(window);
        SDL_Quit();
        return fail(ErrorCode::MissingResource, "could not create an OpenGL 3.3 context: " + why);
    }
    SDL_GL_MakeCurrent(window, gl);
    SDL_GL_SetSwapInterval(1);
    const Uint32 wakeEvent = SDL_RegisterEvents(1);

    ImGui_ImplSDL2_InitForOpenGL(window, gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    return std::unique_ptr<Window>(new SdlWindow(window, gl, wakeEvent));
}

}  // namespace dc::platform
