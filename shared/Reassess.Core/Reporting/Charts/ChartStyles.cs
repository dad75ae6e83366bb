namespace Reassess.Core.Reporting.Charts;

/// <summary>The CSS the charts' classes need, for the page that inlines them (screen and print).</summary>
public static class ChartStyles
{
    /// <summary>The size of every chart label in SVG units; the charts reserve room for their labels at this size.</summary>
    public const int FontSize = 11;

    public static readonly string Css = $$"""
        svg.chart { display: block; max-width: 100%; height: auto; overflow: hidden; font-family: inherit; }
        svg.chart text { font-size: {{FontSize}}px; fill: #59636e; }
        svg.chart .grid { stroke: #eaeef2; stroke-width: 1; }
        svg.chart .axis { stroke: #8c959f; stroke-width: 1; }
        svg.chart .zero { stroke: #59636e; stroke-width: 1; }
        svg.chart .axis-title, svg.chart .legend { fill: #1f2328; }
        svg.chart .empty { font-style: italic; }
        svg.chart .line { fill: none; stroke-width: 2.25; stroke-linejoin: round; stroke-linecap: round; }
        svg.chart .series-1 { stroke: #0969da; fill: #0969da; }
        svg.chart .series-2 { stroke: #bf8700; fill: #bf8700; }
        svg.chart .series-3 { stroke: #1a7f37; fill: #1a7f37; }
        svg.chart .series-4 { stroke: #8250df; fill: #8250df; }
        svg.chart .series-5 { stroke: #cf222e; fill: #cf222e; }
        svg.chart .series-6 { stroke: #57606a; fill: #57606a; }
        svg.chart .line.series-1, svg.chart .line.series-2, svg.chart .line.series-3, svg.chart .line.series-4,
          svg.chart .line.series-5, svg.chart .line.series-6 { fill: none; }
        svg.chart .ref { stroke: #9a6700; stroke-width: 1.25; stroke-dasharray: 5 3; }
        svg.chart .ref-label { fill: #9a6700; }
        svg.chart .marker { fill: #cf222e; stroke: #fff; stroke-width: 1.5; }
        svg.chart .marker-label { fill: #1f2328; font-weight: 600; }
        svg.chart .base { stroke: #1f2328; stroke-width: 1.25; }
        svg.chart .bar.pos { fill: #1a7f37; }
        svg.chart .bar.neg { fill: #cf222e; }
        svg.chart .bar.v-finetune { fill: #1a7f37; }
        svg.chart .bar.v-prepare { fill: #9a6700; }
        svg.chart .bar.v-route { fill: #8250df; }
        svg.chart .bar.v-stay { fill: #0969da; }
        svg.chart .bar-label { fill: #1f2328; }
        svg.chart .tornado-low { fill: #0969da; }
        svg.chart .tornado-high { fill: #bf8700; }
        svg.sparkline .spark-line { fill: none; stroke: #0969da; stroke-width: 1.75; stroke-linejoin: round; }
        svg.sparkline .spark-dot, svg.sparkline .spark-last { fill: #0969da; }
        svg.sparkline .spark-empty { stroke: #8c959f; stroke-width: 1; stroke-dasharray: 3 3; }
        @media print {
          svg.chart { break-inside: avoid; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """.ReplaceLineEndings("\n");
}
