// heatmap.frag: colours a grid of network outputs read from an R32F texture. Binary
// classification, regression and neuron activations use a diverging scale on [-1, 1]
// (orange, grey, blue) with the decision boundary at 0 as a contour; multi-class cells hold
// class + confidence / 2 and are coloured by class. Two layouts: one R×R grid stretched over
// the viewport (the output plot; from a half-float texture the texture unit interpolates), or
// an atlas of R×R slots drawn as slot_px-sized tiles (every thumbnail in one draw).
// The renderer compiles one program per variant, choosing with #defines: ATLAS (the atlas
// layout), MULTI (multi-class cells), FILTERED (the texture interpolates). Branching on
// uniforms instead made a software rasteriser (SwiftShader) run every path for every pixel.
uniform highp sampler2D u_data;  // R32F, or R16F for the output plot
uniform ivec2 u_origin;          // texel of the grid's top-left cell (single grid)
uniform int u_res;               // R: cells per side
uniform float u_slot_px;         // atlas: tile size in pixels
uniform vec2 u_view;             // viewport size in pixels (single grid)
uniform vec2 u_offset;           // the viewport's lower left in window pixels
uniform int u_classes;
uniform int u_discretize;
uniform int u_contour;
uniform float u_strength;        // 0..1: how strongly confidence shows
uniform vec3 u_palette[6];       // class colours; [0] negative, [1] positive for diverging
uniform vec3 u_neutral;

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
#else
    vec2 local = (gl_FragCoord.xy - u_offset) / u_view;
    ivec2 origin = u_origin;
#endif
    // Grid row 0 is the top of the plane (y = +6).
    vec2 p = vec2(local.x, 1.0 - local.y) * float(u_res);
    vec3 colour;
    float line = 0.0;
#ifdef MULTI
    float v = cell(origin, ivec2(floor(p)));
    float cls = floor(v);
    float conf = fract(v) * 2.0;
    float lo = 1.0 / float(u_classes);
    float t = u_discretize == 1 ? 1.0 : clamp((conf - lo) / (1.0 - lo), 0.0, 1.0);
    colour = mix(u_neutral, u_palette[int(cls)], mix(0.25, 1.0, t) * u_strength);
    if (u_contour == 1) {
        // A boundary where the class differs one screen pixel to the right or below.
        float px = float(u_res) / u_view.x;
        float right = floor(cell(origin, ivec2(floor(p + vec2(px, 0.0)))));
        float below = floor(cell(origin, ivec2(floor(p + vec2(0.0, px)))));
        if (right != cls || below != cls) line = 0.8;
    }
#else
#ifdef FILTERED
    float v = texture(u_data, vec2(local.x, 1.0 - local.y)).r;
#else
    // Bilinear by hand: R32F is not filterable in WebGL2 without an extension.
    vec2 q = p - 0.5;
    ivec2 i = ivec2(floor(q));
    vec2 f = q - floor(q);
    float v = mix(mix(cell(origin, i), cell(origin, i + ivec2(1, 0)), f.x),
                  mix(cell(origin, i + ivec2(0, 1)), cell(origin, i + ivec2(1, 1)), f.x), f.y);
#endif
    v = clamp(v, -1.0, 1.0);
    float a = u_discretize == 1 ? sign(v) : v;
    colour = mix(u_neutral, a < 0.0 ? u_palette[0] : u_palette[1], abs(a) * u_strength);
    if (u_contour == 1) {
        float d = abs(v) / max(fwidth(v), 1e-6);
        line = 0.8 * (1.0 - smoothstep(0.5, 1.5, d));
    }
#endif
    frag_color = vec4(mix(colour, vec3(0.2), line), 1.0);
}
