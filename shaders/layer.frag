// layer.frag: a layer drawn once into a texture (premultiplied RGBA: the output plot's points,
// when there are thousands) copied 1:1 to the pixels of the viewport, which is its size. The
// renderer blends it with (1, 1 − alpha): the same "over" as drawing the layer there directly.
uniform sampler2D u_layer;
uniform ivec2 u_origin;  // the viewport's lower left corner in the framebuffer, in pixels

out vec4 frag_color;

void main() {
    frag_color = texelFetch(u_layer, ivec2(gl_FragCoord.xy) - u_origin, 0);
}
