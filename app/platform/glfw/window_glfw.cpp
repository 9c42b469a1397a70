// GLFW backend (X11). GLFW cannot queue synthetic events, so automation input goes through the
// same ImGui GLFW callbacks that real events reach, after moving the real pointer.
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <optional>
#include <vector>

#include "app/platform/injected_key.hpp"
#include "app/platform/window.hpp"
#include "common/utf8.hpp"

namespace dc::platform {
namespace {

std::string g_lastGlfwError;  // GLFW reports errors through a C callback with no user pointer

void rememberError(int, const char* description) { g_lastGlfwError = description ? description : "unknown"; }

std::optional<int> keyFor(const std::string& name) {
    if (name == "Enter") return GLFW_KEY_ENTER;
    if (name == "Escape") return GLFW_KEY_ESCAPE;
    if (name == "Backspace") return GLFW_KEY_BACKSPACE;
    if (name == "Tab") return GLFW_KEY_TAB;
    if (name == "Up") return GLFW_KEY_UP;
    if (name == "Down") return GLFW_KEY_DOWN;
    if (name == "Left") return GLFW_KEY_LEFT;
    if (name == "Right") return GLFW_KEY_RIGHT;
    return std::nullopt;
}

struct KeyStroke {
    int key;
    int modifiers = 0;
};

std::optional<KeyStroke> keyStrokeFor(const std::string& name) {
    if (name == "Alt+F4") return KeyStroke{GLFW_KEY_F4, GLFW_MOD_ALT};
    if (name == "Alt+Tab") return KeyStroke{GLFW_KEY_TAB, GLFW_MOD_ALT};
    if (name == "Ctrl+Q") return KeyStroke{GLFW_KEY_Q, GLFW_MOD_CONTROL};
    if (name == "Ctrl+W") return KeyStroke{GLFW_KEY_W, GLFW_MOD_CONTROL};
    if (auto key = keyFor(name)) return KeyStroke{*key};
    return std::nullopt;
}

class GlfwWindow final : public Window {
public:
    explicit GlfwWindow(GLFWwindow* window) : m_window(window) {
        glfwSetWindowUserPointer(window, this);
        // Installed before ImGui's, which chains to them: they only note that input arrived.
        glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { self(w)->m_gotEvent = true; });
        glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { self(w)->m_gotEvent = true; });
        glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { self(w)->m_gotEvent = true; });
        glfwSetKeyCallback(window, [](GLFWwindow* w, int, int, int, int) { self(w)->m_gotEvent = true; });
        glfwSetCharCallback(window, [](GLFWwindow* w, unsigned int) { self(w)->m_gotEvent = true; });
        glfwSetWindowSizeCallback(window, [](GLFWwindow* w, int, int) { self(w)->m_gotEvent = true; });
        glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { self(w)->m_gotEvent = true; });
        // A close request is counted and refused: the kiosk decides when it stops.
        glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
            glfwSetWindowShouldClose(w, GLFW_FALSE);
            ++self(w)->m_closeRequests;
            self(w)->m_gotEvent = true;
        });
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }

    ~GlfwWindow() override {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        glfwDestroyWindow(m_window);
        glfwTerminate();
    }

    const char* backendName() const override { return "glfw"; }
    int width() const override {
        int w = 0, h = 0;
        glfwGetFramebufferSize(m_window, &w, &h);
        return w;
    }
    int height() const override {
        int w = 0, h = 0;
        glfwGetFramebufferSize(m_window, &w, &h);
        return h;
    }

    bool waitEvents(double timeoutSeconds) override {
        if (const auto key = m_keyUp.due()) {
            ImGui_ImplGlfw_KeyCallback(m_window, *key, 0, GLFW_RELEASE, 0);
            m_injected = true;  // the release needs a frame too
        }
        m_gotEvent = m_injected;
        m_injected = false;
        if (timeoutSeconds < 0)
            glfwWaitEvents();
        else if (timeoutSeconds == 0)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(timeoutSeconds);
        return m_gotEvent;
    }

    int closeRequests() const override { return m_closeRequests; }
    void wake() override { glfwPostEmptyEvent(); }

    void newFrame() override {
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // The backend reads the button from the OS, which never saw an injected press: keep an
        // injected finger down until it is lifted, so a scripted swipe is a drag, not a tap.
        if (m_injectedButtonDown) ImGui::GetIO().MouseDown[0] = true;
        ImGui::NewFrame();
        m_keyUp.frameStarted();
    }

    Expected<void> present(const std::filesystem::path* screenshot) override {
        Expected<void> saved = renderFrame(width(), height(), screenshot);
        glfwSwapBuffers(m_window);
        return saved;
    }

    void injectPointerMove(float x, float y) override {
        glfwSetCursorPos(m_window, x, y);
        ImGui_ImplGlfw_CursorEnterCallback(m_window, GLFW_TRUE);
        m_injected = true;
    }
    void injectPointerButton(bool down) override {
        m_injectedButtonDown = down;
        ImGui_ImplGlfw_MouseButtonCallback(m_window, GLFW_MOUSE_BUTTON_LEFT, down ? GLFW_PRESS : GLFW_RELEASE, 0);
        m_injected = true;
    }
    void injectText(const std::string& utf8) override {
        std::vector<char32_t> codepoints;
        if (!utf8::decode(utf8, codepoints)) return;
        for (char32_t c : codepoints) ImGui_ImplGlfw_CharCallback(m_window, static_cast<unsigned int>(c));
        m_injected = true;
    }
    void injectKey(const std::string& name) override {
        const auto stroke = keyStrokeFor(name);
        if (!stroke) return;
        ImGui_ImplGlfw_KeyCallback(m_window, stroke->key, 0, GLFW_PRESS, stroke->modifiers);
        m_keyUp.pressed(stroke->key);
        m_injected = true;
    }
    void injectCloseRequest() override {
        // GLFW has no way to queue the window manager's message; this is what its handler does.
        glfwSetWindowShouldClose(m_window, GLFW_TRUE);
        glfwSetWindowShouldClose(m_window, GLFW_FALSE);
        ++m_closeRequests;
        m_injected = true;
    }

private:
    static GlfwWindow* self(GLFWwindow* w) { return static_cast<GlfwWindow*>(glfwGetWindowUserPointer(w)); }

    GLFWwindow* m_window;

    bool m_injectedButtonDown = false;
    bool m_gotEvent = false;
    bool m_injected = false;
    InjectedKeyRelease<int> m_keyUp;
    int m_closeRequests = 0;
};

}  // namespace

Expected<std::unique_ptr<Window>> createWindow(const WindowOptions& options) {
    glfwSetErrorCallback(rememberError);
    if (!glfwInit())
        return fail(ErrorCode::MissingResource,
                    "no display: GLFW could not start (" + g_lastGlfwError +
                        "). Run on a machine with a screen, set DISPLAY, or use scripts/run-kiosk.sh, "
                        "which starts a virtual display (Xvfb) when there is none.");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    int w = options.width, h = options.height;
    if (options.fullscreen) {
        // Borderless window covering the monitor: no video mode switch, as with SDL's desktop mode.
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor())
            if (const GLFWvidmode* mode = glfwGetVideoMode(monitor)) {
                w = mode->width;
                h = mode->height;
            }
    }
    if (options.onSizeKnown) options.onSizeKnown(w, h);
    GLFWwindow* window = glfwCreateWindow(w, h, options.title.c_str(), nullptr, nullptr);
    if (!window) {
        std::string why = g_lastGlfwError;
        glfwTerminate();
        return fail(ErrorCode::MissingResource, "could not open the kiosk window: " + why);
    }
    if (options.fullscreen) glfwSetWindowPos(window, 0, 0);
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    return std::unique_ptr<Window>(new GlfwWindow(window));
}

}  // namespace dc::platform
