// points.frag: a disc (training and test points) or a diamond (validation points) filled
// with the point's colour; training points get a white outline, test points a dark one.
uniform float u_radius;  // pixels

in vec2 v_local;
in vec4 v_fill;
flat in int v_style;
out vec4 frag_color;

void main() {
    float r = v_style == 2 ? (abs(v_local.x) + abs(v_local.y)) : length(v_local);
    float px = 1.0 / u_radius;  // one pixel in local units
    float outside = smoothstep(1.0 - px, 1.0, r);
    if (outside >= 1.0) discard;
    float edge = smoothstep(1.0 - 2.2 * px, 1.0 - 1.2 * px, r);
    vec3 outline = v_style == 1 ? vec3(0.15) : vec3(1.0);
    vec3 colour = mix(v_fill.rgb, outline, edge);
    frag_color = vec4(colour, 1.0 - outside);
}
