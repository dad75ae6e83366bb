namespace Reassess.Core.Reporting.Charts;

/// <summary>Which point of a label its <c>x</c> names: SVG's <c>text-anchor</c>.</summary>
public enum TextAnchor
{
    Start,
    Middle,
    End,
}
