// Chart drawing. BeginChart reserves the item; series calls only copy data into a scratch
// context; EndChart fits the y range over everything submitted and draws it all.
//
// [SECTION] Scratch context
// [SECTION] Begin / series submission
// [SECTION] Layout helpers (x ticks, mapping)
// [SECTION] Primitive drawing (fills, lines, dashes)
// [SECTION] Legend and tooltip
// [SECTION] EndChart

#include "chart.h"
#include "app/core/tr.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace chart {
namespace {

// [SECTION] Scratch context

enum class Kind { Fill, Dashed, Line };

struct Series {
    Kind kind = Kind::Line;
    ImU32 col = 0;
    int n = 0;
    int label = 0;         // offset into Ctx::text
    int y = -1;            // own values in Ctx::pool (lines, stack layers), -1 = none
    int lo = -1, hi = -1;  // fill edges in Ctx::pool (band or stack layer)
    int stack = -1;        // stack id; the last layer of a stack shows the total
    bool last_in_stack = false;
    bool band = false;
};

struct MarkerRec {
    int x;
    int label;  // offset into Ctx::text
    ImU32 col;
};

// Everything one chart needs between BeginChart and EndChart. One module-level instance:
// ImGui is single-threaded and charts don't nest, so reuse keeps its buffers warm.
struct Ctx {
    bool active = false;
    Style style;
    Unit unit = Unit::None;
    ImRect frame;
    bool hovered = false, pressed = false;
    int n_x = 0;
    bool has_x_labels = false;
    int title = -1;
    std::vector<int> x_labels;   // offsets into text
    std::vector<char> text;      // copied strings, '\0'-separated
    std::vector<double> pool;    // copied series data
    std::vector<Series> series;
    std::vector<MarkerRec> markers;
    int cursor = -1, future = -1, projection = -1;
    int note = -1;               // offset into text: a line at the legend's end, -1 none
    int next_col = 0, n_stacks = 0;
    std::vector<ImVec2> pts;     // polyline scratch
    std::vector<ImVec2> dash;
    std::vector<double> base, top;  // stacking scratch
    std::vector<detail::XTick> xticks;
    std::vector<double> yticks;
    detail::ChartInfo info;

    int addText(const char* s) {
        const int off = static_cast<int>(text.size());
        if (s == nullptr) s = "";
        text.insert(text.end(), s, s + std::strlen(s) + 1);
        return off;
    }
    const char* str(int off) const { return off < 0 ? "" : text.data() + off; }
    int addData(const double* v, int n) {
        const int off = static_cast<int>(pool.size());
        pool.insert(pool.end(), v, v + n);
        return off;
    }
    const double* data(int off) const { return pool.data() + off; }
    ImU32 pick(ImU32 col) { return col != 0 ? col : paletteColor(next_col++); }
};

Ctx g;

bool hiddenLabel(const char* s) { return s[0] == '\0' || (s[0] == '#' && s[1] == '#'); }

// [SECTION] Begin / series submission

// Series calls outside Begin/End, or with no data, are ignored rather than asserted:
// a missing chart beats an aborted dashboard.
bool accepting(const void* p, int n) { return g.active && p != nullptr && n > 0; }

void addLine(Kind kind, const char* label, const double* ys, int n, ImU32 col) {
    if (!accepting(ys, n)) return;
    Series s;
    s.kind = kind;
    s.col = g.pick(col);
    s.n = n;
    s.label = g.addText(label);
    s.y = g.addData(ys, n);
    g.series.push_back(s);
}

}  // namespace

std::string elided(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty() && ImGui::CalcTextSize((cut + "...").c_str()).x > width) {
        unsigned char c = 0;
        do {  // a whole UTF-8 character: its continuation bytes, then its first byte
            c = static_cast<unsigned char>(cut.back());
            cut.pop_back();
        } while (!cut.empty() && (c & 0xC0) == 0x80);
    }
    return cut + "...";
}

bool BeginChart(const char* id, const char* title, Unit y_unit, const char* const* x_labels,
                int n_x, const Style& style) {
    if (g.active) return false;  // no nesting: the caller skips EndChart, nothing leaks
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;

    ImGui::PushID(id != nullptr ? id : "chart");
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(std::max(style.width > 0 ? style.width : avail.x, 120.0f),
                      std::max(style.height, 80.0f));
    const ImVec2 pos = window->DC.CursorPos;
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    const ImGuiID item_id = ImGui::GetID("##chart");
    ImGui::ItemSize(bb);
    g.info = detail::ChartInfo{};
    g.info.frame_min = bb.Min;
    g.info.frame_max = bb.Max;
    if (!ImGui::ItemAdd(bb, item_id)) {
        ImGui::PopID();
        return false;
    }
    // Button behaviour: a press becomes the active item, so dragging on a chart never moves
    // the window, and "clicked" means press and release both over the chart.
    bool held = false;
    g.pressed = ImGui::ButtonBehavior(bb, item_id, &g.hovered, &held);

    g.active = true;
    g.style = style;
    g.unit = y_unit;
    g.frame = bb;
    g.n_x = std::max(n_x, 0);
    g.has_x_labels = x_labels != nullptr;
    g.text.clear();
    g.pool.clear();
    g.series.clear();
    g.markers.clear();
    g.x_labels.clear();
    g.cursor = g.future = g.projection = -1;
    g.note = -1;
    g.next_col = g.n_stacks = 0;
    g.title = g.addText(title);
    if (x_labels != nullptr)
        for (int i = 0; i < g.n_x; ++i) g.x_labels.push_back(g.addText(x_labels[i]));
    g.info.visible = true;
    return true;
}

void Line(const char* label, const double* ys, int n, ImU32 col) { addLine(Kind::Line, label, ys, n, col); }

void LineDashed(const char* label, const double* ys, int n, ImU32 col) {
    addLine(Kind::Dashed, label, ys, n, col);
}

void StackedArea(const char* const* labels, const double* const* ys, int n_series, int n,
                 const ImU32* cols) {
    if (!accepting(ys, n) || n_series <= 0) return;
    const int stack = g.n_stacks++;
    // Running total; NaN/inf layers count as 0 so one gap doesn't tear the layers above.
    std::vector<double>& base = g.base;
    std::vector<double>& top = g.top;
    base.assign(static_cast<size_t>(n), 0.0);
    top.resize(static_cast<size_t>(n));
    for (int s = 0; s < n_series; ++s) {
        const double* y = ys[s];
        for (int i = 0; i < n; ++i) {
            const double v = y != nullptr ? y[i] : 0.0;
            top[static_cast<size_t>(i)] = base[static_cast<size_t>(i)] + (std::isfinite(v) ? v : 0.0);
        }
        Series rec;
        rec.kind = Kind::Fill;
        rec.col = g.pick(cols != nullptr ? cols[s] : 0);
        rec.n = n;
        rec.label = g.addText(labels != nullptr ? labels[s] : "");
        rec.y = y != nullptr ? g.addData(y, n) : -1;
        rec.lo = g.addData(base.data(), n);
        rec.hi = g.addData(top.data(), n);
        rec.stack = stack;
        rec.last_in_stack = s == n_series - 1;
        g.series.push_back(rec);
        base.swap(top);
    }
}

void Band(const char* label, const double* lo, const double* hi, int n, ImU32 col) {
    if (!accepting(lo, n) || hi == nullptr) return;
    Series s;
    s.kind = Kind::Fill;
    s.band = true;
    s.col = g.pick(col);
    s.n = n;
    s.label = g.addText(label);
    s.lo = g.addData(lo, n);
    s.hi = g.addData(hi, n);
    g.series.push_back(s);
}

void Markers(const Marker* m, int n) {
    if (!accepting(m, n)) return;
    for (int i = 0; i < n; ++i) g.markers.push_back({m[i].x, g.addText(m[i].label), m[i].col});
}

void Cursor(int x) {
    if (g.active) g.cursor = x;
}

void Future(int x_from) {
    if (g.active) g.future = x_from;
}

void Projection(int x_from) {
    if (g.active) g.projection = x_from;
}

void Note(const char* text) {
    if (g.active && text != nullptr && text[0] != '\0') g.note = g.addText(text);
}

namespace {

// [SECTION] Layout helpers (x ticks, mapping)

struct Map {
    ImRect plot;
    int n_x = 1;
    double y0 = 0, y1 = 1;  // log: log10 of the range ends
    double floor_v = 0;     // log: the range bottom, where non-positive values sit
    bool log = false;

    float x(int i) const {
        const float w = plot.GetWidth();
        return n_x > 1 ? plot.Min.x + w * static_cast<float>(i) / static_cast<float>(n_x - 1)
                       : plot.Min.x + 0.5f * w;
    }
    float y(double v) const {
        // Log: non-positive values sit on the floor; huge values are clamped so they stay
        // finite floats (the clip rect hides the overshoot).
        double t = log ? (std::log10(std::max(v, floor_v)) - y0) / (y1 - y0)
                       : (v - y0) / (y1 - y0);
        t = std::clamp(t, -2.0, 3.0);
        return plot.Max.y - static_cast<float>(t) * plot.GetHeight();
    }
    int index(float px) const {
        if (n_x <= 1) return 0;
        const float t = (px - plot.Min.x) / std::max(plot.GetWidth(), 1.0f);
        return std::clamp(static_cast<int>(std::lround(t * static_cast<float>(n_x - 1))), 0, n_x - 1);
    }
};

// "2025-04" -> year 2025, month 4.
bool parseYearMonth(const char* s, int* year, int* month) {
    if (std::strlen(s) < 7 || s[4] != '-') return false;
    for (int i : {0, 1, 2, 3, 5, 6})
        if (s[i] < '0' || s[i] > '9') return false;
    *year = std::atoi(s);
    *month = std::atoi(s + 5);
    return *month >= 1 && *month <= 12;
}

void pushTick(int i, const char* text) {
    detail::XTick t;
    t.i = i;
    std::snprintf(t.text, sizeof t.text, "%s", text);
    g.xticks.push_back(t);
}

// Month labels when they fit (<= 3 years, aligned to quarters/halves), otherwise years at
// each January (every 2nd/5th/... year when even those crowd). Non-date labels: every k-th.
void computeXTicks(const Map& m) {
    g.xticks.clear();
    const int n = m.n_x;
    if (n <= 0) return;
    const float px_per = n > 1 ? m.plot.GetWidth() / static_cast<float>(n - 1) : m.plot.GetWidth();
    const float pad = 14.0f;
    int y0 = 0, m0 = 0, y1 = 0, m1 = 0;
    const bool dated = g.has_x_labels && parseYearMonth(g.str(g.x_labels[0]), &y0, &m0) &&
                       parseYearMonth(g.str(g.x_labels[static_cast<size_t>(n - 1)]), &y1, &m1);
    if (dated) {
        const float month_w = ImGui::CalcTextSize("2025-04").x + pad;
        if (n <= 37) {
            for (int step : {1, 2, 3, 6}) {
                if (static_cast<float>(step) * px_per < month_w) continue;
                for (int i = 0; i < n; ++i) {
                    int yy = 0, mm = 0;
                    if (parseYearMonth(g.str(g.x_labels[static_cast<size_t>(i)]), &yy, &mm) && (mm - 1) % step == 0)
                        pushTick(i, g.str(g.x_labels[static_cast<size_t>(i)]));
                }
                if (!g.xticks.empty()) return;
            }
        }
        const float year_w = ImGui::CalcTextSize("2025").x + pad;
        int ystep = 1;
        for (int s : {1, 2, 5, 10, 20, 50, 100}) {
            ystep = s;
            if (static_cast<float>(s) * 12.0f * px_per >= year_w) break;
        }
        for (int i = 0; i < n; ++i) {
            int yy = 0, mm = 0;
            if (parseYearMonth(g.str(g.x_labels[static_cast<size_t>(i)]), &yy, &mm) && mm == 1 && yy % ystep == 0) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%d", yy);
                pushTick(i, buf);
            }
        }
        if (g.xticks.empty()) {  // short span without a January: name the first year
            char buf[16];
            std::snprintf(buf, sizeof buf, "%d", y0);
            pushTick(0, buf);
        }
        return;
    }
    // Generic labels (or indices): widest of a few samples decides the spacing.
    char buf[16];
    float w = 0;
    for (int i : {0, n / 2, n - 1}) {
        const char* s = g.has_x_labels ? g.str(g.x_labels[static_cast<size_t>(i)]) : nullptr;
        if (s == nullptr) {
            std::snprintf(buf, sizeof buf, "%d", i);
            s = buf;
        }
        w = std::max(w, ImGui::CalcTextSize(s).x);
    }
    auto fits = [&](int step) { return static_cast<float>(step) * px_per >= w + pad; };
    int step = 1;
    for (int k = 1; !fits(step) && step < n; k *= 10)
        for (int f : {1, 2, 5})
            if (!fits(step)) step = k * f;
    for (int i = 0; i < n; i += step) {
        if (g.has_x_labels) {
            pushTick(i, g.str(g.x_labels[static_cast<size_t>(i)]));
        } else {
            std::snprintf(buf, sizeof buf, "%d", i);
            pushTick(i, buf);
        }
    }
}

// [SECTION] Primitive drawing (fills, lines, dashes)

// Filled band between two edges, as one quad per segment written straight into the vertex
// buffer: no anti-aliasing fringes, so adjacent quads leave no seams.
void drawFill(ImDrawList* dl, const Map& m, const double* lo, const double* hi, int n, ImU32 col) {
    auto ok = [&](int i) { return std::isfinite(lo[i]) && std::isfinite(hi[i]); };
    int segs = 0;
    for (int i = 0; i + 1 < n; ++i) segs += ok(i) && ok(i + 1);
    if (segs == 0) return;
    dl->PrimReserve(segs * 6, segs * 4);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (int i = 0; i + 1 < n; ++i) {
        if (!ok(i) || !ok(i + 1)) continue;
        const float xa = m.x(i), xb = m.x(i + 1);
        dl->PrimQuadUV(ImVec2(xa, m.y(lo[i])), ImVec2(xa, m.y(hi[i])), ImVec2(xb, m.y(hi[i + 1])),
                       ImVec2(xb, m.y(lo[i + 1])), uv, uv, uv, uv, col);
    }
}

// Calls fn(points, count) for each run of finite values: NaN/inf break the line.
template <class Fn>
void forEachRun(const Map& m, const double* ys, int n, Fn&& fn) {
    g.pts.clear();
    for (int i = 0; i <= n; ++i) {
        if (i < n && std::isfinite(ys[i])) {
            g.pts.emplace_back(m.x(i), m.y(ys[i]));
        } else if (!g.pts.empty()) {
            fn(g.pts.data(), static_cast<int>(g.pts.size()));
            g.pts.clear();
        }
    }
}

void drawLine(ImDrawList* dl, const Map& m, const double* ys, int n, ImU32 col, float thick) {
    forEachRun(m, ys, n, [&](const ImVec2* p, int c) {
        if (c == 1)
            dl->AddCircleFilled(p[0], thick + 1.0f, col, 8);  // a lone point stays visible
        else
            dl->AddPolyline(p, c, col, ImDrawFlags_None, thick);
    });
}

// Dashes follow the path (a dash may turn a corner), so steep lines keep an even rhythm.
void drawDashed(ImDrawList* dl, const Map& m, const double* ys, int n, ImU32 col, float thick) {
    constexpr float kOn = 6.0f, kOff = 4.0f;
    std::vector<ImVec2>& dash = g.dash;  // g.pts holds the run being dashed
    forEachRun(m, ys, n, [&](const ImVec2* p, int c) {
        if (c == 1) {
            dl->AddCircleFilled(p[0], thick + 1.0f, col, 8);
            return;
        }
        bool on = true;
        float left = kOn;
        dash.assign(1, p[0]);
        for (int i = 0; i + 1 < c; ++i) {
            const ImVec2 a = p[i], b = p[i + 1];
            const float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
            if (!(len > 0)) continue;
            float t = 0;
            while (len - t > left) {
                t += left;
                const ImVec2 q(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len);
                if (on) {
                    dash.push_back(q);
                    dl->AddPolyline(dash.data(), static_cast<int>(dash.size()), col, ImDrawFlags_None, thick);
                    dash.clear();
                } else {
                    dash.assign(1, q);
                }
                on = !on;
                left = on ? kOn : kOff;
            }
            left -= len - t;
            if (on) dash.push_back(b);
        }
        if (on && dash.size() >= 2)
            dl->AddPolyline(dash.data(), static_cast<int>(dash.size()), col, ImDrawFlags_None, thick);
    });
}

// [SECTION] Legend and tooltip

// Each solid line's label right of the plot at the height of its last value (before any
// veil), nudged apart so labels never overlap; clipped to the chart.
void drawEndLabels(ImDrawList* dl, const Map& m, int n_x, const ImRect& frame) {
    struct Label {
        float y;
        const Series* s;
    };
    std::vector<Label> labels;
    const int last_shown = g.future >= 0 ? std::min(g.future, n_x - 1) : n_x - 1;
    for (const Series& s : g.series) {
        if (s.kind != Kind::Line || hiddenLabel(g.str(s.label))) continue;
        const double* v = g.data(s.y);
        for (int i = std::min(last_shown, s.n - 1); i >= 0; --i)
            if (std::isfinite(v[i])) {
                labels.push_back({m.y(v[i]), &s});
                break;
            }
    }
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    const float h = ImGui::GetTextLineHeight();
    float next = m.plot.Min.y;
    for (Label& l : labels) {  // top-down: each below the one before
        l.y = std::max(l.y - h * 0.5f, next);
        next = l.y + h;
    }
    const float overflow = next - m.plot.Max.y - h * 0.5f;  // pushed past the bottom: shift all up
    dl->PushClipRect(frame.Min, frame.Max, true);
    for (const Label& l : labels) {
        const float y = overflow > 0 ? std::max(m.plot.Min.y - h * 0.5f, l.y - overflow) : l.y;
        dl->AddText(ImVec2(m.plot.Max.x + 6.0f, y), l.s->col, g.str(l.s->label));
    }
    dl->PopClipRect();
}

void drawSwatch(ImDrawList* dl, ImVec2 p, float h, const Series& s) {
    const float w = h * 1.4f, cy = p.y + h * 0.5f;
    if (s.kind == Kind::Fill) {
        dl->AddRectFilled(ImVec2(p.x, p.y + h * 0.2f), ImVec2(p.x + w, p.y + h * 0.8f),
                          s.band ? withAlpha(s.col, 0.45f) : s.col);
    } else if (s.kind == Kind::Dashed) {
        dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + w * 0.4f, cy), s.col, 2.0f);
        dl->AddLine(ImVec2(p.x + w * 0.6f, cy), ImVec2(p.x + w, cy), s.col, 2.0f);
    } else {
        dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + w, cy), s.col, 2.5f);
    }
}

// Legend rows (wrapping) laid out in [x0, x1] from y; returns the height used.
float layoutLegend(ImDrawList* dl, float x0, float x1, float y, bool draw) {
    const float h = ImGui::GetTextLineHeight();
    const float sw = h * 1.4f + 4.0f, gap = 14.0f;
    float x = x0, rows = 0;
    bool any = false;
    for (const Series& s : g.series) {
        const char* label = g.str(s.label);
        if (hiddenLabel(label) || (g.style.end_labels && s.kind == Kind::Line)) continue;
        const float w = sw + ImGui::CalcTextSize(label).x;
        if (!any) rows = 1;
        if (any && x + w > x1) {
            x = x0;
            rows += 1;
        }
        any = true;
        if (draw) {
            const ImVec2 p(x, y + (rows - 1) * h);
            drawSwatch(dl, p, h, s);
            dl->AddText(ImVec2(p.x + sw, p.y), ImGui::GetColorU32(ImGuiCol_Text), label);
        }
        x += w + gap;
    }
    if (g.note >= 0) {  // e.g. series left out: dim, after the entries, wrapped on rows of its own when long
        const char* note = g.str(g.note);
        const float w = ImGui::CalcTextSize(note).x;
        if (!any) rows = 1;
        if (any && x + w > x1) {
            x = x0;
            rows += 1;
        }
        const float wrap = std::max(x1 - x, h);
        const float noteH = ImGui::CalcTextSize(note, nullptr, false, wrap).y;
        if (draw)
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(x, y + (rows - 1) * h),
                        ImGui::GetColorU32(ImGuiCol_TextDisabled), note, nullptr, wrap);
        rows += std::max(0.0f, std::round(noteH / h) - 1.0f);
    }
    return rows * h;
}

void tooltip(int hx) {
    // BeginTooltip is a window of its own; keep IsItemHovered() etc. after EndChart about us.
    ImGuiContext& ctx = *GImGui;
    const ImGuiLastItemData saved = ctx.LastItemData;
    ImGui::BeginTooltip();
    if (g.has_x_labels && hx < static_cast<int>(g.x_labels.size()))
        ImGui::TextUnformatted(g.str(g.x_labels[static_cast<size_t>(hx)]));
    else
        ImGui::Text("#%d", hx);
    for (const MarkerRec& mk : g.markers)
        if (mk.x == hx) ImGui::TextDisabled("| %s", g.str(mk.label));
    if (g.future >= 0 && hx > g.future) {
        ImGui::TextDisabled("%s", tr("(not yet revealed)"));
    } else {
        const float h = ImGui::GetTextLineHeight();
        float label_w = ImGui::CalcTextSize(tr("Total")).x;
        for (const Series& s : g.series)
            if (!hiddenLabel(g.str(s.label))) label_w = std::max(label_w, ImGui::CalcTextSize(g.str(s.label)).x);
        const float value_x = ImGui::GetCursorPosX() + h * 1.4f + 6.0f + label_w + 16.0f;
        double total = 0;
        for (const Series& s : g.series) {
            const char* label = g.str(s.label);
            if (s.stack >= 0 && hx < s.n) total = g.data(s.hi)[hx];
            if (hiddenLabel(label) || hx >= s.n) continue;
            char value[96];
            if (s.band)
                std::snprintf(value, sizeof value, "[%s, %s]", formatValue(g.data(s.lo)[hx], g.unit).c_str(),
                              formatValue(g.data(s.hi)[hx], g.unit).c_str());
            else
                std::snprintf(value, sizeof value, "%s", s.y >= 0 ? formatValue(g.data(s.y)[hx], g.unit).c_str() : "n/a");
            drawSwatch(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), h, s);
            ImGui::Dummy(ImVec2(h * 1.4f, h));
            ImGui::SameLine();
            ImGui::TextUnformatted(label);
            ImGui::SameLine(value_x);
            ImGui::TextUnformatted(value);
            if (s.last_in_stack) {
                ImGui::Dummy(ImVec2(h * 1.4f, h));
                ImGui::SameLine();
                ImGui::TextDisabled("%s", tr("Total"));
                ImGui::SameLine(value_x);
                ImGui::TextUnformatted(formatValue(total, g.unit).c_str());
            }
        }
    }
    ImGui::EndTooltip();
    ctx.LastItemData = saved;
}

}  // namespace

// [SECTION] EndChart

ChartResult EndChart() {
    ChartResult res;
    if (!g.active) return res;
    g.active = false;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int vtx0 = dl->VtxBuffer.Size;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float line_h = ImGui::GetTextLineHeight();
    const ImU32 col_text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 col_dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    const ImU32 col_grid = ImGui::GetColorU32(ImGuiCol_Text, 0.10f);
    const ImRect fr = g.frame;

    // Domain: the labels' count, or the longest series when no labels were given.
    int n_x = g.n_x;
    if (n_x == 0)
        for (const Series& s : g.series) n_x = std::max(n_x, s.n);

    // Fit y over every value that will be drawn (band edges, stack tops, lines).
    const bool log = g.style.log_y;
    double lo = INFINITY, hi = -INFINITY;
    auto take = [&](const double* v, int n) {
        for (int i = 0; i < std::min(n, n_x); ++i) {
            const double x = v[i];
            if (!std::isfinite(x) || (log && x <= 0)) continue;
            const double c = std::clamp(x, -1e300, 1e300);  // keep the span finite
            lo = std::min(lo, c);
            hi = std::max(hi, c);
        }
    };
    for (const Series& s : g.series) {
        if (s.kind == Kind::Fill) {
            take(g.data(s.lo), s.n);
            take(g.data(s.hi), s.n);
        } else {
            take(g.data(s.y), s.n);
        }
    }
    if (!(lo <= hi)) lo = hi = NAN;
    Map m;
    m.n_x = std::max(n_x, 1);
    m.log = log;
    double ylo = 0, yhi = 1;
    detail::fitRange(lo, hi, g.style, &ylo, &yhi);
    g.yticks = niceTicks(ylo, yhi, g.style.y_ticks, log);
    const double ystep = g.yticks.size() >= 2 ? g.yticks[1] - g.yticks[0] : 0.0;
    m.y0 = log ? std::log10(ylo) : ylo;
    m.y1 = log ? std::log10(yhi) : yhi;
    m.floor_v = ylo;

    // Layout: [title + unit] [legend rows] [plot with y labels on the left] [x labels].
    char lab[48];
    float gutter = 0;
    for (double t : g.yticks) {
        std::snprintf(lab, sizeof lab, "%s", formatTick(t, g.unit, log ? t : ystep).c_str());
        gutter = std::max(gutter, ImGui::CalcTextSize(lab).x);
    }
    gutter += 8.0f;
    float top = fr.Min.y;
    const char* title = g.str(g.title);
    const bool has_title = title[0] != '\0' || unitName(g.unit)[0] != '\0';
    if (has_title) {
        dl->PushClipRect(fr.Min, fr.Max, true);  // a long title never runs into the next chart
        const char* un = unitName(g.unit);
        lab[0] = '\0';
        if (un[0] != '\0') std::snprintf(lab, sizeof lab, title[0] != '\0' ? "  (%s)" : "(%s)", un);
        // A title too long for the chart (longer in some languages) is cut so the unit stays
        // in view: the y labels do not repeat it.
        const std::string shown = elided(title, fr.GetWidth() - ImGui::CalcTextSize(lab).x);
        dl->AddText(ImVec2(fr.Min.x, top), col_text, shown.c_str());
        if (lab[0] != '\0') dl->AddText(ImVec2(fr.Min.x + ImGui::CalcTextSize(shown.c_str()).x, top), col_dim, lab);
        dl->PopClipRect();
        top += line_h + st.ItemSpacing.y;
    }
    if (g.style.show_legend) {
        const float lh = layoutLegend(dl, fr.Min.x + gutter, fr.Max.x, top, true);
        if (lh > 0) top += lh + st.ItemSpacing.y;
    }
    const float bottom = fr.Max.y - line_h - 4.0f;
    // End labels: a right margin as wide as the longest line label (at most a third of the chart).
    float right_margin = 4.0f;
    if (g.style.end_labels) {
        for (const Series& s : g.series)
            if (s.kind == Kind::Line && !hiddenLabel(g.str(s.label)))
                right_margin = std::max(right_margin, ImGui::CalcTextSize(g.str(s.label)).x + 8.0f);
        right_margin = std::min(right_margin, fr.GetWidth() / 3.0f);
    }
    m.plot = ImRect(fr.Min.x + gutter, top, fr.Max.x - right_margin, std::max(bottom, top + 10.0f));
    const ImRect& pr = m.plot;

    // Background, grid and axis labels.
    dl->AddRectFilled(pr.Min, pr.Max, ImGui::GetColorU32(ImGuiCol_FrameBg, 0.5f));
    for (double t : g.yticks) {
        const double tol = log ? ylo * 1e-9 : (yhi - ylo) * 1e-9;  // pinned ranges cut ticks
        if (t < ylo - tol || t > yhi + tol) continue;
        const float y = m.y(t);
        dl->AddLine(ImVec2(pr.Min.x, y), ImVec2(pr.Max.x, y), col_grid);
        std::snprintf(lab, sizeof lab, "%s", formatTick(t, g.unit, log ? t : ystep).c_str());
        const ImVec2 ts = ImGui::CalcTextSize(lab);
        const float ty = std::clamp(y - ts.y * 0.5f, fr.Min.y, fr.Max.y - ts.y);
        dl->AddText(ImVec2(pr.Min.x - 4.0f - ts.x, ty), col_dim, lab);
    }
    computeXTicks(m);
    for (const detail::XTick& t : g.xticks) {
        const float x = m.x(t.i);
        dl->AddLine(ImVec2(x, pr.Min.y), ImVec2(x, pr.Max.y), col_grid);
        const float w = ImGui::CalcTextSize(t.text).x;
        const float tx = std::clamp(x - w * 0.5f, fr.Min.x, fr.Max.x - w);
        dl->AddText(ImVec2(tx, pr.Max.y + 2.0f), col_dim, t.text);
    }

    // Data, clipped to the plot. Fills first, then dashed lines under solid ones.
    dl->PushClipRect(pr.Min, pr.Max, true);
    // Projection: months after the record, hatched lightly under the data and labelled.
    if (g.projection >= 0 && g.projection < n_x - 1) {
        const float x0 = m.x(g.projection);
        dl->AddRectFilled(ImVec2(x0, pr.Min.y), pr.Max, ImGui::GetColorU32(ImGuiCol_Text, 0.06f));
        const ImU32 hatch = ImGui::GetColorU32(ImGuiCol_Text, 0.07f);
        const float step = line_h;
        for (float x = x0 - pr.GetHeight(); x < pr.Max.x; x += step)
            dl->AddLine(ImVec2(x, pr.Max.y), ImVec2(x + pr.GetHeight(), pr.Min.y), hatch);
        dl->AddLine(ImVec2(x0, pr.Min.y), ImVec2(x0, pr.Max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.45f), 1.0f);
        const char* label = tr("projection \xe2\x86\x92");  // →
        const ImVec2 ts = ImGui::CalcTextSize(label);
        if (x0 + 4.0f + ts.x < pr.Max.x)
            dl->AddText(ImVec2(x0 + 4.0f, pr.Max.y - ts.y - 2.0f), col_dim, label);
    }
    for (const Series& s : g.series) {
        if (s.kind != Kind::Fill) continue;
        const int n = std::min(s.n, n_x);
        drawFill(dl, m, g.data(s.lo), g.data(s.hi), n, withAlpha(s.col, s.band ? 0.40f : 0.55f));
        if (!s.band) {
            drawLine(dl, m, g.data(s.hi), n, s.col, 1.0f);  // crisp layer edge
        } else {  // dashed edges mark the band even where it is a few pixels wide (log axes)
            drawDashed(dl, m, g.data(s.lo), n, withAlpha(s.col, 0.9f), 1.0f);
            drawDashed(dl, m, g.data(s.hi), n, withAlpha(s.col, 0.9f), 1.0f);
        }
    }
    for (const Series& s : g.series)
        if (s.kind == Kind::Dashed) drawDashed(dl, m, g.data(s.y), std::min(s.n, n_x), s.col, 1.5f);
    for (const Series& s : g.series)
        if (s.kind == Kind::Line) drawLine(dl, m, g.data(s.y), std::min(s.n, n_x), s.col, 2.0f);

    // Event markers: labels near the top, staggered over up to three rows.
    std::sort(g.markers.begin(), g.markers.end(), [](const MarkerRec& a, const MarkerRec& b) { return a.x < b.x; });
    float row_end[3] = {-1e30f, -1e30f, -1e30f};
    for (const MarkerRec& mk : g.markers) {
        if (mk.x < 0 || mk.x >= n_x) continue;
        const float x = m.x(mk.x);
        dl->AddLine(ImVec2(x, pr.Min.y), ImVec2(x, pr.Max.y), mk.col != 0 ? mk.col : ImGui::GetColorU32(ImGuiCol_Text, 0.35f));
        const char* label = g.str(mk.label);
        if (label[0] == '\0') continue;
        const ImVec2 ts = ImGui::CalcTextSize(label);
        float lx = x + 3.0f;
        if (lx + ts.x > pr.Max.x) lx = std::max(pr.Min.x, x - 3.0f - ts.x);
        // First row with room; when all three are taken the label is left out (the line
        // stays, and the hover tooltip names the event) rather than drawn over another.
        int row = -1;
        for (int r = 0; r < 3 && row < 0; ++r)
            if (lx > row_end[r] + 4.0f) row = r;
        if (row < 0) continue;
        row_end[row] = lx + ts.x;
        const ImVec2 p(lx, pr.Min.y + 2.0f + static_cast<float>(row) * line_h);
        dl->AddRectFilled(ImVec2(p.x - 1, p.y), ImVec2(p.x + ts.x + 1, p.y + ts.y), ImGui::GetColorU32(ImGuiCol_WindowBg, 0.75f));
        dl->AddText(p, col_text, label);
    }

    // Story mode veil over the future, then the scrubber cursor on top.
    if (g.future >= 0 && g.future < n_x - 1) {
        ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
        bg.w = 0.7f;
        dl->AddRectFilled(ImVec2(m.x(g.future), pr.Min.y), pr.Max, ImGui::ColorConvertFloat4ToU32(bg));
    }
    if (g.cursor >= 0 && g.cursor < n_x)
        dl->AddLine(ImVec2(m.x(g.cursor), pr.Min.y), ImVec2(m.x(g.cursor), pr.Max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.8f), 1.5f);

    // Hover: crosshair at the nearest month, dots on the lines, tooltip with every value.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    res.hovered = g.hovered;
    res.clicked = g.pressed;
    if (g.hovered && n_x > 0 && mouse.x >= pr.Min.x && mouse.x <= pr.Max.x) {
        res.hover_x = m.index(mouse.x);
        const float x = m.x(res.hover_x);
        dl->AddLine(ImVec2(x, pr.Min.y), ImVec2(x, pr.Max.y), ImGui::GetColorU32(ImGuiCol_Text, 0.35f));
        for (const Series& s : g.series) {
            const double* v = s.kind == Kind::Fill ? (s.band ? nullptr : g.data(s.hi)) : g.data(s.y);
            if (v != nullptr && res.hover_x < s.n && std::isfinite(v[res.hover_x]))
                dl->AddCircleFilled(ImVec2(x, m.y(v[res.hover_x])), 3.5f, s.col, 10);
        }
    }
    dl->PopClipRect();
    dl->AddRect(pr.Min, pr.Max, ImGui::GetColorU32(ImGuiCol_Border));
    if (g.style.end_labels) drawEndLabels(dl, m, n_x, fr);
    if (res.hover_x >= 0) tooltip(res.hover_x);

    g.info.plot_min = pr.Min;
    g.info.plot_max = pr.Max;
    g.info.y_min = ylo;
    g.info.y_max = yhi;
    g.info.n_x = n_x;
    g.info.n_series = static_cast<int>(g.series.size());
    g.info.future = g.future;
    g.info.projection = g.projection;
    g.info.vtx_drawn = dl->VtxBuffer.Size - vtx0;
    ImGui::PopID();
    return res;
}

const detail::ChartInfo& detail::lastChart() { return g.info; }
const std::vector<detail::XTick>& detail::lastXTicks() { return g.xticks; }

}  // namespace chart
