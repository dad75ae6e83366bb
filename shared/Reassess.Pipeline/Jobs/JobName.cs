namespace Reassess.Pipeline.Jobs;

/// <summary>
/// The jobs Reassess runs. A job's name is what its run records, its lock, its timer and its Azure function are called,
/// so it is spelled once, here (<c>nameof(JobName.RefreshPrices)</c> where an attribute needs a constant).
/// </summary>
public enum JobName
{
    /// <summary>Loads the workloads file into the catalogue (weekly, before the reassessment).</summary>
    SyncWorkloads,

    RefreshPrices,
    IngestUsage,
    ReassessWorkloads,
    PublishWeeklyReport,

    /// <summary>Sends each team, and finance, its part of the week's report (Monday, after the report).</summary>
    DeliverWeeklyReport,
}
