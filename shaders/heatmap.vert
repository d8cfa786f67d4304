// heatmap.vert: one triangle covering the viewport; the fragment shader does the work.
// (The renderer prepends the #version line: 300 es on the web, 330 core natively.)
out vec2 v_uv;  // 0..1 over the viewport, y up

void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));  // (0,0) (2,0) (0,2)
    v_uv = p;
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
