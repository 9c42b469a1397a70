#include <GL/gl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "app/platform/window.hpp"

namespace dc::platform {

Expected<void> saveBackBufferPng(int width, int height, const std::filesystem::path& file) {
    if (width <= 0 || height <= 0) return fail(ErrorCode::Internal, "the window has no size");
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * static_cast<size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) return fail(ErrorCode::Internal, "could not read the frame from OpenGL");
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
    }
    // OpenGL's rows start at the bottom; PNG's at the top. Flipped here, not with stb's
    // flip-on-write switch: that is global, and the camera thread encodes JPEGs meanwhile.
    const size_t row = static_cast<size_t>(width) * 3;
    for (int y = 0; y < height / 2; ++y)
        std::swap_ranges(pixels.begin() + static_cast<ptrdiff_t>(y * row), pixels.begin() + static_cast<ptrdiff_t>((y + 1) * row),
                         pixels.begin() + static_cast<ptrdiff_t>((height - 1 - y) * row));
    if (!stbi_write_png(file.c_str(), width, height, 3, pixels.data(), width * 3))
        return fail(ErrorCode::IoError, "could not write the screenshot '" + file.string() + "'");
    return {};
}

namespace {

// The backend uploads the atlas as RGBA (white, the glyph in alpha). It is stored again here as
// one byte a texel, read back as (1, 1, 1, coverage) by a swizzle: a quarter of the memory, and
// less for a software GL to fetch. And it is sampled texel for pixel: every glyph is baked at the
// size it is drawn and snapped to whole pixels, so nearest sampling gives the same picture as
// linear, cheaper under llvmpipe (which shades every pixel of every glyph quad on the CPU).
// The backend creates its texture lazily (on the first frame), hence the check on each frame.
void adoptFontTexture() {
    static uintptr_t adopted = 0;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    const uintptr_t texture = reinterpret_cast<uintptr_t>(atlas.TexID);
    if (texture == 0 || texture == adopted) return;
    // Read the member, not GetTexDataAsAlpha8(): that would bake the whole atlas again if the
    // pixels were already freed. Then the backend's RGBA texture simply stays.
    if (!atlas.TexPixelsAlpha8 || atlas.TexWidth <= 0 || atlas.TexHeight <= 0) return;
    adopted = texture;
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, atlas.TexWidth, atlas.TexHeight, 0, GL_RED, GL_UNSIGNED_BYTE, atlas.TexPixelsAlpha8);
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
}

}  // namespace

Expected<void> renderFrame(int width, int height, const std::filesystem::path* screenshot) {
    adoptFontTexture();
    glViewport(0, 0, width, height);
    // The screen's background is the clear itself: the full-screen window draws none, which
    // spares a software GL one blended, textured pass over two million pixels (≈ 10 ms a frame).
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (screenshot) return saveBackBufferPng(width, height, *screenshot);
    return {};
}

void reloadFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    adoptFontTexture();
    ImGui::GetIO().Fonts->ClearTexData();  // the GL texture holds it now; see releaseFontPixels()
}

uintptr_t uploadGrayTexture(uintptr_t texture, int width, int height, const uint8_t* gray) {
    if (width <= 0 || height <= 0 || !gray) return texture;
    // ImGui's shader draws RGBA; a quarter of a 1280x720 frame costs under a megabyte this way.
    std::vector<uint32_t> rgba(static_cast<size_t>(width) * static_cast<size_t>(height));
    for (size_t i = 0; i < rgba.size(); ++i) rgba[i] = 0xFF000000u | gray[i] * 0x010101u;
    GLuint id = static_cast<GLuint>(texture);
    if (id == 0) {
        glGenTextures(1, &id);
        glBindTexture(GL_TEXTURE_2D, id);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    } else {
        glBindTexture(GL_TEXTURE_2D, id);
    }
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    return id;
}

void deleteTexture(uintptr_t texture) {
    const GLuint id = static_cast<GLuint>(texture);
    if (id != 0) glDeleteTextures(1, &id);
}

void releaseFontPixels() { ImGui::GetIO().Fonts->ClearTexData(); }

}  // namespace dc::platform
