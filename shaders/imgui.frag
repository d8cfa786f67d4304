// imgui.frag: a vertex colour times the bound texture (the font atlas, or an image).
uniform sampler2D u_texture;

in vec2 v_uv;
in vec4 v_colour;
out vec4 frag_color;

void main() {
    frag_color = v_colour * texture(u_texture, v_uv);
}
