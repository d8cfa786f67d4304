// points.vert: one quad (six vertices) per data point, centred on the point's plane position
// ([-6, 6]² maps to the viewport), room for a marker of u_radius pixels (1.3 radii across).
layout(location = 0) in vec2 a_pos;     // plane coordinates
layout(location = 1) in vec4 a_fill;    // RGBA8, normalised
layout(location = 2) in vec2 a_style_corner;  // style + 3·marker (style 0 training, 1 test,
                                              // 2 validation; marker 0..5), corner 0..5

uniform vec2 u_view;    // viewport size in pixels
uniform float u_radius; // pixels
uniform float u_extent; // half the plane's side (6)

out vec2 v_local;  // -1..1 over the quad
out vec4 v_fill;
flat out int v_style;
flat out int v_marker;

void main() {
    // Two triangles from corners 0..5: (-1,-1) (1,-1) (1,1) (-1,-1) (1,1) (-1,1).
    int k = int(a_style_corner.y + 0.5);
    vec2 corner = vec2((k == 1 || k == 2 || k == 4) ? 1.0 : -1.0,
                       (k == 2 || k == 4 || k == 5) ? 1.0 : -1.0);
    float r = u_radius * 1.3 + 1.0;  // the largest marker, and a pixel for anti-aliasing
    v_local = corner * r / u_radius;
    v_fill = a_fill;
    int code = int(a_style_corner.x + 0.5);
    v_style = code - 3 * (code / 3);
    v_marker = code / 3;
    vec2 centre = a_pos / u_extent;
    gl_Position = vec4(centre + corner * r * 2.0 / u_view, 0.0, 1.0);
}
