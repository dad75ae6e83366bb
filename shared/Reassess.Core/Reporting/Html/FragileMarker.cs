using Reassess.Core.Decisions;
using static Reassess.Core.Reporting.Html.HtmlWriter;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// The marker after the badge of a fragile verdict. It is text (<c>fragile (margin 4.6%)</c>, or <c>fragile flip …</c>
/// among the flips), not colour alone, so it survives print and screen readers.
/// </summary>
internal static class FragileMarker
{
    /// <summary>Empty for a robust verdict, so callers can append it unconditionally.</summary>
    public static string Of(Assessment a, string what = "fragile") =>
        ReportText.Fragile(a, what) is { } text ? $" <span class=\"fragile\">{E(text)}</span>" : "";
}
