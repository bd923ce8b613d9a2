using System.Globalization;
using System.Net;
using System.Text;

namespace Placeshaper.Shared.Charts;

/// <summary>
/// Small server-drawn SVG charts: no script, so they work under the strict content security policy and without
/// JavaScript. Each has a title and description for screen readers; pages show the same figures in a table too.
/// </summary>
public static class SvgCharts
{
    /// <summary>GOV.UK Design System colours, distinguishable for common colour-vision deficiencies when combined with markers.</summary>
    private static readonly string[] Palette = ["#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#5694ca", "#912b88", "#85994b"];

    public sealed record Series(string Name, IReadOnlyList<decimal?> Values, bool IsComparator = false);

    public sealed record Bar(string Name, decimal Value, bool Highlight);

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Line(string id, string title, string unit, IReadOnlyList<string> periods, IReadOnlyList<Series> series)
    {
        const int width = 680, height = 340, left = 70, right = 170, top = 20, bottom = 50;
        var plotWidth = width - left - right;
        var plotHeight = height - top - bottom;
        var values = series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        var (min, max) = Scale(values);
        double X(int i) => left + (periods.Count <= 1 ? plotWidth / 2.0 : i * plotWidth / (double)(periods.Count - 1));
        double Y(decimal v) => top + plotHeight - (double)((v - min) / (max - min)) * plotHeight;

        var svg = Open(id, width, height, title, $"Line chart of {title} ({unit}) by period, {(periods.Count > 0 ? periods[0] : "")} to {(periods.Count > 0 ? periods[^1] : "")}, for {string.Join(", ", series.Select(s => s.Name))}.");
        Axes(svg, left, top, plotWidth, plotHeight, min, max, unit, Y);
        for (var i = 0; i < periods.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{height - bottom + 20}\" text-anchor=\"middle\" font-size=\"13\">{E(periods[i])}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = series[s].IsComparator ? "#0b0c0c" : Palette[s % Palette.Length];
            var dash = series[s].IsComparator ? " stroke-dasharray=\"6 4\"" : "";
            var points = series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => $"{X(p.i):0.#},{Y(p.v!.Value):0.#}").ToList();
            if (points.Count > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"3\"{dash} points=\"{string.Join(" ", points)}\"/>");
            }

            foreach (var point in points)
            {
                var xy = point.Split(',');
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"4\" fill=\"{colour}\"/>");
            }

            var legendY = top + 10 + (s * 22);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{width - right + 15}\" y1=\"{legendY}\" x2=\"{width - right + 40}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"3\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{width - right + 46}\" y=\"{legendY + 4}\" font-size=\"13\">{E(series[s].Name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Bars(string id, string title, string unit, IReadOnlyList<Bar> bars, string things = "areas")
    {
        const int width = 680, left = 170, right = 90, top = 10, rowHeight = 28;
        var height = top + (bars.Count * rowHeight) + 30;
        var plotWidth = width - left - right;
        var (min, max) = Scale(bars.Select(b => b.Value).ToList());
        double X(decimal v) => left + (double)((v - min) / (max - min)) * plotWidth;

        var svg = Open(id, width, height, title, $"Bar chart of {title} ({unit}), {bars.Count} {things}.");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = top + (i * rowHeight);
            var bar = bars[i];
            var x0 = X(Math.Max(0, min));
            var x1 = X(bar.Value);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 18}\" text-anchor=\"end\" font-size=\"13\">{E(bar.Name)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Math.Min(x0, x1):0.#}\" y=\"{y + 4}\" width=\"{Math.Abs(x1 - x0):0.#}\" height=\"{rowHeight - 8}\" fill=\"{(bar.Highlight ? "#0b0c0c" : "#1d70b8")}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Math.Max(x0, x1) + 6:0.#}\" y=\"{y + 18}\" font-size=\"13\">{E(Number(bar.Value))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Number(decimal value) => value.ToString(decimal.Round(value, 0) == value ? "N0" : "#,##0.0##", EnGb);

    private static (decimal Min, decimal Max) Scale(List<decimal> values)
    {
        if (values.Count == 0)
        {
            return (0, 1);
        }

        var min = Math.Min(0, values.Min());
        var max = Math.Max(0, values.Max());
        if (max == min)
        {
            max = min + 1;
        }

        return (min, max + ((max - min) * 0.1m));
    }

    private static StringBuilder Open(string id, int width, int height, string title, string description) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ps-chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"Helvetica Neue, Helvetica, Arial, sans-serif\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");

    private static void Axes(StringBuilder svg, int left, int top, int plotWidth, int plotHeight, decimal min, decimal max, string unit, Func<decimal, double> y)
    {
        for (var t = 0; t <= 4; t++)
        {
            var value = min + ((max - min) * t / 4);
            var at = y(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{at:0.#}\" x2=\"{left + plotWidth}\" y2=\"{at:0.#}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{at + 4:0.#}\" text-anchor=\"end\" font-size=\"12\">{E(Number(Math.Round(value, 1)))}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{top + (plotHeight / 2)}\" transform=\"rotate(-90 12 {top + (plotHeight / 2)})\" text-anchor=\"middle\" font-size=\"12\">{E(unit)}</text>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
