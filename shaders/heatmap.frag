// heatmap.frag: colours a neuron's or feature's grid of values read from an R32F texture,
// stretched over the viewport (a hovered neuron in the output plot), on a diverging scale over
// [-1, 1] (orange, grey, blue); a multi-class output neuron's probability in [0, 1] goes from
// the neutral grey to its own class's colour. The rules of colour_thumbnail() in
// web/plots.cpp, which colours the thumbnails' atlas on the CPU (this shader did, at about 125
// ns a pixel in software WebGL).
uniform highp sampler2D u_data;  // R32F
uniform ivec2 u_origin;          // texel of the grid's top-left cell (single grid)
uniform int u_res;               // R: cells per side
uniform int u_discretize;
uniform float u_strength;        // 0..1: how strongly the value shows
uniform vec3 u_palette[6];       // [0] negative, [1] positive; the six class colours
uniform vec3 u_neutral;
uniform int u_class_first;       // the class of the neuron's grid
uniform int u_class_count;       // how many classes' neurons (0: none)

in vec2 v_uv;
out vec4 frag_color;

float cell(ivec2 origin, ivec2 c) {
    c = clamp(c, ivec2(0), ivec2(u_res - 1));
    return texelFetch(u_data, origin + c, 0).r;
}

void main() {
    int k = u_class_first;
    // The interpolated coordinate, not gl_FragCoord: SwiftShader took half again as long per
    // pixel for the extra arithmetic.
    vec2 local = v_uv;
    ivec2 origin = u_origin;
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
