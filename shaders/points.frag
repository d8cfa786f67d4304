// points.frag: a data point as its class's marker (circle, square, triangle, diamond, plus,
// star: the second cue besides colour), filled with the point's colour and outlined: training
// points in the theme's outline colour, test points in its contrasting one, validation points
// hollow. The shapes are web/plots.cpp's marker_distance(); distances are measured in pixels,
// so edges stay crisp at any radius.
uniform float u_radius;   // pixels
uniform float u_outline;  // outline width in pixels
uniform vec3 u_outline_colour;       // training and validation points
uniform vec3 u_test_outline_colour;  // test points

in vec4 v_fill;
flat in int v_style;
flat in int v_marker;
flat in float v_half;  // half the sprite's side, in radii
out vec4 frag_color;

float box(vec2 p, vec2 b) {
    vec2 q = abs(p) - b;
    return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0);
}

float triangle(vec2 p, float r) {  // upward, around its incentre, inradius r
    return max(-p.y, 0.8660254 * abs(p.x) + 0.5 * p.y) - r;
}

// Signed distance in radii, negative inside (y up).
float marker(vec2 p) {
    if (v_marker == 1) return box(p, vec2(0.86));
    if (v_marker == 2) return triangle(p + vec2(0.0, 0.3), 0.6);
    if (v_marker == 3) return (abs(p.x) + abs(p.y) - 1.25) * 0.7071;
    if (v_marker == 4) return min(box(p, vec2(1.15, 0.36)), box(p, vec2(0.36, 1.15)));
    if (v_marker == 5) return min(triangle(p, 0.55), triangle(vec2(p.x, -p.y), 0.55));
    return length(p) - 1.0;
}

void main() {
    // The sprite's own coordinates (y down, 0..1) as radii from its centre, y up.
    vec2 local = (gl_PointCoord * 2.0 - 1.0) * vec2(1.0, -1.0) * v_half;
    float inside = -marker(local) * u_radius;  // pixels from the edge, positive inside
    float coverage = clamp(inside + 0.5, 0.0, 1.0);
    float edge = 1.0 - clamp(inside - u_outline + 0.5, 0.0, 1.0);
    vec3 outline = v_style == 1 ? u_test_outline_colour : u_outline_colour;
    vec3 colour = mix(v_fill.rgb, outline, edge);
    if (v_style == 2) {
        // Validation: a ring of the class's colour, hollow past twice the outline.
        coverage *= 1.0 - clamp(inside - 3.0 * u_outline + 0.5, 0.0, 1.0);
    }
    frag_color = vec4(colour, coverage);
}
