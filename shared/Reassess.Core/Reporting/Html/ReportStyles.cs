using Reassess.Core.Reporting.Charts;

namespace Reassess.Core.Reporting.Html;

/// <summary>
/// The page's one style sheet, for screen and for print (A4 with 14 mm margins). Inline because the page is
/// self-contained: the API serves it under a content security policy that lets it load nothing else.
/// </summary>
internal static class ReportStyles
{
    /// <summary>The page's styles, then the charts' own, then how the page lays the charts out (later rules win).</summary>
    public static string Sheet => Page + ChartStyles.Css + ChartLayout;

    private static readonly string Page = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
          --ft: #1a7f37; --prep: #9a6700; --route: #8250df; --stay: #0969da; --fragile: #bc4c00; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--fg); background: #fff;
          font: 15px/1.5 -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        h1 { font-size: 1.8rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.35rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
        h4 { font-size: .95rem; margin: 1rem 0 .35rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
        .asof, .muted, .meta, .none { color: var(--muted); }
        th .muted { display: block; font-weight: normal; font-size: .85em; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: .75rem; margin: 0; }
        .figures div { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; background: var(--bg-soft); }
        .figures dt { font-size: .85rem; color: var(--muted); }
        .figures dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
        .badge { display: inline-block; padding: .05rem .55rem; border-radius: 999px; font-size: .8rem; font-weight: 600;
          color: #fff; vertical-align: middle; white-space: nowrap; }
        .badge.v-finetune { background: var(--ft); }
        .badge.v-prepare { background: var(--prep); }
        .badge.v-route { background: var(--route); }
        .badge.v-stay { background: var(--stay); }
        .vcount { white-space: nowrap; }
        .fragile { display: inline-block; margin-left: .35rem; padding: 0 .45rem; border: 1px dashed var(--fragile); border-radius: 999px;
          color: var(--fragile); font-size: .8rem; font-weight: 600; vertical-align: middle; white-space: nowrap; }
        .fragile-note .fragile { margin-left: 0; }
        .chosen-mark { display: inline-block; padding: 0 .4rem; border-radius: 4px; background: var(--bg-soft); border: 1px solid var(--line);
          font-size: .75rem; font-weight: 600; }
        .options td, .options th[scope=row], .routes td { font-size: .85rem; }
        /* Model keys and workload names are long single words; letting them break keeps the money columns whole. */
        .options td:nth-child(2), .routes td:nth-child(4), .routes th[scope=row] { overflow-wrap: anywhere; }
        td.num { white-space: nowrap; }
        td.num .muted { display: block; white-space: normal; }
        .card { border: 1px solid var(--line); border-left: 6px solid var(--stay); border-radius: 6px;
          padding: .75rem 1rem 1rem; margin: 1rem 0; }
        .card.v-finetune { border-left-color: var(--ft); }
        .card.v-prepare { border-left-color: var(--prep); }
        .card.v-route { border-left-color: var(--route); }
        .card h3 { margin-top: 0; }
        .advice { font-weight: 600; }
        .flip { background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: .4rem .6rem; }
        table { border-collapse: collapse; width: 100%; margin: .25rem 0 .5rem; font-size: .9rem; }
        th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: var(--bg-soft); }
        tfoot th, tfoot td { font-weight: 700; background: var(--bg-soft); }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .economics th[scope=row] { width: 40%; font-weight: normal; }
        .thresholds th[scope=row] { width: 28%; }
        .s-met { color: var(--ft); font-weight: 700; }
        .s-notmet { color: var(--muted); }
        .s-unknown { color: var(--prep); font-weight: 700; }
        ul { margin: .25rem 0 .5rem; padding-left: 1.4rem; }
        a { color: var(--stay); }
        @media print {
          @page { margin: 14mm; }
          body { max-width: none; padding: 0; font-size: 10pt; }
          h2 { break-after: avoid; }
          h3, h4 { break-after: avoid; }
          .team { break-before: page; }
          .card, tr, .figures div { break-inside: avoid; }
          .totals { font-size: 8.5pt; }
          .options, .routes, .ranking, .totals { font-size: 8pt; }
          .options td, .options th[scope=row], .routes td { font-size: 8pt; }
          .options th, .options td, .routes th, .routes td, .totals th, .totals td { padding: .2rem .3rem; }
          .badge, .fragile, .flip, thead th, tfoot th, tfoot td, .figures div { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          a { color: inherit; text-decoration: none; }
        }

        """.ReplaceLineEndings("\n");

    private static readonly string ChartLayout = """
        figure { margin: .5rem 0 1rem; }
        figcaption { font-size: .85rem; color: var(--muted); margin-top: .25rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
        .charts figure { margin: 0; min-width: 0; }
        .trend { display: flex; align-items: center; gap: .6rem; flex-wrap: wrap; margin: .25rem 0 .5rem; }
        svg.chart.sparkline { display: inline-block; vertical-align: middle; }
        .figures svg.chart.sparkline { margin-top: .2rem; }
        .spend td.num { white-space: nowrap; }
        table.spend { width: auto; min-width: 60%; }
        .ranking td.num .muted { white-space: nowrap; }
        @media print {
          .ranking, .spend { font-size: 8.5pt; }
          .ranking th, .ranking td { padding: .2rem .3rem; }
          .charts { grid-template-columns: 1fr; }
        }
        .card, .team, section { min-width: 0; }

        """.ReplaceLineEndings("\n");
}
