// heatmap.frag: colours grids of neuron and feature values read from an R32F texture, on a
// diverging scale over [-1, 1] (orange, grey, blue), the rules of colour_heatmap() in
// web/plots.cpp; a multi-class output neuron's probability in [0, 1] goes from the neutral
// grey to its own class's colour. Two layouts: an atlas of R×R slots drawn as slot_px-sized tiles (every
// thumbnail in one draw), or one slot's grid stretched over the viewport (a hovered neuron in
// the output plot). The renderer compiles one program per layout, choosing with #define ATLAS:
// branching on a uniform instead made a software rasteriser (SwiftShader) run both.
uniform highp sampler2D u_data;  // R32F
uniform ivec2 u_origin;          // texel of the grid's top-left cell (single grid)
uniform int u_res;               // R: cells per side
uniform float u_slot_px;         // atlas: tile size in pixels
uniform int u_discretize;
uniform float u_strength;        // 0..1: how strongly the value shows
uniform vec3 u_palette[6];       // [0] negative, [1] positive; the six class colours
uniform vec3 u_neutral;
uniform int u_class_first;       // atlas: the slot of class 0's output neuron; else its class
uniform int u_class_count;       // how many classes' neurons (0: none)
uniform int u_slot_grid;         // atlas: slots per row

in vec2 v_uv;
out vec4 frag_color;

float cell(ivec2 origin, ivec2 c) {
    c = clamp(c, ivec2(0), ivec2(u_res - 1));
    return texelFetch(u_data, origin + c, 0).r;
}

void main() {
#ifdef ATLAS
    vec2 tile = floor(gl_FragCoord.xy / u_slot_px);
    vec2 local = fract(gl_FragCoord.xy / u_slot_px);  // 0..1 inside the grid, y up
    ivec2 origin = ivec2(tile) * u_res;
    int k = int(tile.y) * u_slot_grid + int(tile.x) - u_class_first;
#else
    int k = u_class_first;
    // The interpolated coordinate, not gl_FragCoord: SwiftShader took half again as long per
    // pixel for the extra arithmetic.
    vec2 local = v_uv;
    ivec2 origin = u_origin;
#endif
    // Grid row 0 is the top of the plane (y = +6). Bilinear by hand: R32F is not filterable
    // in WebGL2 without an extension.
    vec2 p = vec2(local.x, 1.0 - local.y) * float(u_res);
    vec2 q = p - 0.5;
    ivec2 i = ivec2(floor(q));
    vec2 f = q - floor(q);
    float v = mix(mix(cell(origin, i), cell(origin, i + ivec2(1, 0)), f.x),
                  mix(cell(origin, i + ivec2(0, 1)), cell(origin, i + ivec2(1, 1)), f.x), f.y);
    v = clamp(v, -1.0, 1.0);
    float a = u_discretize == 1 ? sign(v) : v;
    vec3 colour;
    if (u_class_count > 0 && k >= 0 && k < u_class_count) {
        // Discretized, pictures.cpp wrote 1 where this class wins and 0 elsewhere.
        colour = mix(u_neutral, u_palette[k], clamp(a, 0.0, 1.0) * u_strength);
    } else {
        colour = mix(u_neutral, a < 0.0 ? u_palette[0] : u_palette[1], abs(a) * u_strength);
    }
    frag_color = vec4(colour, 1.0);
}
