namespace Reassess.Core.Reporting.Html;

/// <summary>Figures as the page's tables and captions show them, with a dash where a figure cannot be had.</summary>
internal static class FigureText
{
    public const string Dash = "\u2014";

    public static string MoneyOrDash(decimal? value) => value is { } v ? ReportFormat.Money(v) : Dash;

    public static string PerCallOrDash(decimal? value) => value is { } v ? ReportFormat.MoneyPerCall(v) : Dash;

    /// <summary><c>9.6 mo</c>, short for a table column; <c>none</c> when it never pays back.</summary>
    public static string PaybackOrNone(decimal? months) => months is { } p ? ReportFormat.Months(p) + " mo" : "none";

    /// <summary>A dash when either end is missing or the start is zero, where a percentage would mean nothing.</summary>
    public static string Change(decimal? first, decimal? last) =>
        first is { } f && last is { } l && f != 0 ? ReportFormat.PercentChange((l - f) / f * 100m) : Dash;

    /// <summary><c>12</c>, <c>7.5</c>: a limit such as twelve months reads better without a decimal.</summary>
    public static string Months(decimal months) => months == decimal.Round(months) ? ReportFormat.Number(months, 0) : ReportFormat.Months(months);
}
