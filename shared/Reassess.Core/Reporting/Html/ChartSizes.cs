namespace Reassess.Core.Reporting.Html;

/// <summary>Chart widths in SVG units; the charts scale down with the page, so these set proportions and label room.</summary>
internal static class ChartSizes
{
    /// <summary>The portfolio, spend and team charts, which span the page.</summary>
    public const double Wide = 1080;

    /// <summary>A card's what-if charts, which sit side by side on screen.</summary>
    public const double Half = 460;
}
