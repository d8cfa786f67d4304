// points.vert: one point sprite per data point, centred on the point's plane position
// ([-6, 6]² maps to the viewport), a square just wide enough for its marker of u_radius
// pixels (the marker's reach from its centre, and a pixel for anti-aliasing). One vertex a
// point: SwiftShader (software WebGL) pays per primitive; with six vertices (two triangles) a
// point, the heavy link's 2,500 points held it at 16–17 fps, as sprites 20–22 (README,
// Speed). It pays per pixel too: sized for the widest marker (1.3 radii), a circle's sprite
// had 1.5 times the pixels it needs, and the heavy link drew 21.6 fps against 23.1 fitted
// (9 alternated runs each, session 14).
layout(location = 0) in vec2 a_pos;     // plane coordinates
layout(location = 1) in vec4 a_fill;    // RGBA8, normalised
layout(location = 2) in float a_style;  // style + 3·marker (style 0 training, 1 test,
                                        // 2 validation; marker 0..5)

uniform float u_radius; // pixels
uniform float u_extent; // half the plane's side (6)
uniform float u_reach[6];  // each marker's reach from its centre along x or y, in radii
                           // (web/palette.h's marker_reach)

out vec4 v_fill;
flat out int v_style;
flat out int v_marker;
flat out float v_half;  // half the sprite's side, in radii

void main() {
    v_fill = a_fill;
    int code = int(a_style + 0.5);
    v_style = code - 3 * (code / 3);
    v_marker = code / 3;
    gl_Position = vec4(a_pos / u_extent, 0.0, 1.0);
    // The edges' anti-aliasing reaches half a pixel out, a corner's on an axis up to 0.71 pixels.
    v_half = u_reach[v_marker] + 1.0 / u_radius;
    gl_PointSize = 2.0 * u_radius * v_half;
}
