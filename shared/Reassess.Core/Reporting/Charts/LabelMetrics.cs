using System.Text;

namespace Reassess.Core.Reporting.Charts;

/// <summary>
/// How much room a chart label takes. The charts are SVG written on the server, which cannot measure text, so they
/// reserve room from this estimate, and it is pessimistic on purpose: a label a few pixels narrower than its room costs
/// nothing, one a few pixels wider is cut off at the chart's edge. Each character counts at the width of its class,
/// rounded up from the widest member of that class in DejaVu Sans, regular and semibold: the sans-serif Linux browsers
/// fall back to, wider than the faces the report's font list asks for first, and semibold is the marker labels'
/// weight. Characters outside the classes count as more than a full em.
/// </summary>
public static class LabelMetrics
{
    /// <summary>Narrow: <c>i l j f t r . , : ; ' | / ( ) [ ] ! -</c>, spaces and quotes (at most 0.53 em in DejaVu Sans semibold).</summary>
    private const double NarrowEm = 0.55;

    /// <summary>Digits, <c>$</c> and most lower-case letters (at most 0.72 em).</summary>
    private const double RegularEm = 0.75;

    /// <summary>Upper-case letters but M and W, and the math signs <c>− + = &lt; &gt; # &amp; × →</c> (at most 0.88 em).</summary>
    private const double BroadEm = 0.9;

    /// <summary><c>m w M W % @ — …</c> (at most 1.10 em), and any character not classed above (CJK is 1 em).</summary>
    private const double WideEm = 1.15;

    /// <summary>From the baseline up to the top of the tallest glyph, and down to the lowest descender (0.93 and 0.24 em).</summary>
    private const double AscentEm = 1.0, DescentEm = 0.3;

    private const string Ellipsis = "\u2026";

    /// <summary>The estimated advance of <paramref name="text"/> at <paramref name="fontSize"/>: at least what DejaVu Sans draws.</summary>
    public static double Width(string text, double fontSize = ChartStyles.FontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ems = 0.0;
        foreach (var rune in text.EnumerateRunes()) ems += Em(rune);
        return ems * fontSize;
    }

    /// <summary>How far a label reaches above its baseline (its <c>y</c>).</summary>
    public static double Ascent(double fontSize = ChartStyles.FontSize) => AscentEm * fontSize;

    /// <summary>How far a label reaches below its baseline.</summary>
    public static double Descent(double fontSize = ChartStyles.FontSize) => DescentEm * fontSize;

    /// <summary>
    /// <paramref name="text"/> if its estimated width is at most <paramref name="maxWidth"/>, else its longest start that
    /// fits with an ellipsis (cut between characters, never inside one); empty when not even the ellipsis fits.
    /// </summary>
    public static string Fit(string text, double maxWidth, double fontSize = ChartStyles.FontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Width(text, fontSize) <= maxWidth) return text;
        var room = maxWidth - Width(Ellipsis, fontSize);
        if (room < 0) return "";
        var kept = new StringBuilder();
        var used = 0.0;
        foreach (var rune in text.EnumerateRunes())
        {
            used += Em(rune) * fontSize;
            if (used > room) break;
            kept.Append(rune.ToString());
        }

        return kept.ToString().TrimEnd() + Ellipsis;
    }

    private static double Em(Rune rune)
    {
        if (!rune.IsAscii)
        {
            return rune.Value switch
            {
                '\u00a0' or '\u00b7' or '\u2013' => NarrowEm, // no-break space, middle dot, en dash
                '\u2212' or '\u00d7' or '\u2192' => BroadEm, // minus, times, arrow
                _ => WideEm,
            };
        }

        var c = (char)rune.Value;
        return c switch
        {
            'm' or 'w' or 'M' or 'W' or '%' or '@' => WideEm,
            ' ' or 'i' or 'l' or 'j' or 'f' or 't' or 'r' or 'I' or '.' or ',' or ':' or ';' or '\'' or '"' or '`' or '|' or '/'
                or '\\' or '(' or ')' or '[' or ']' or '!' or '-' => NarrowEm,
            >= 'A' and <= 'Z' or '#' or '&' or '+' or '=' or '<' or '>' or '^' or '~' => BroadEm,
            _ => RegularEm,
        };
    }
}
