// points.frag: a disc (training and test points) or a diamond (validation points) filled
// with the point's colour and outlined: white for training and validation points, dark for
// test points. Distances are measured in pixels, so edges stay crisp at any radius.
uniform float u_radius;   // pixels
uniform float u_outline;  // outline width in pixels

in vec2 v_local;
in vec4 v_fill;
flat in int v_style;
out vec4 frag_color;

void main() {
    float r = v_style == 2 ? (abs(v_local.x) + abs(v_local.y)) * 0.85 : length(v_local);
    float inside = (1.0 - r) * u_radius;  // pixels from the edge, positive inside
    float coverage = clamp(inside + 0.5, 0.0, 1.0);
    float edge = 1.0 - clamp(inside - u_outline + 0.5, 0.0, 1.0);
    vec3 outline = v_style == 1 ? vec3(0.15) : vec3(1.0);
    frag_color = vec4(mix(v_fill.rgb, outline, edge), coverage);
}
