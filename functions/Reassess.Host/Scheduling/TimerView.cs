namespace Reassess.Host.Scheduling;

/// <summary>A timer as this host sees it now: its schedule, the occurrence it waits for, and its runs here.</summary>
public sealed record TimerView(
    string FunctionName,
    string Schedule,
    DateTimeOffset? Next,
    DateTimeOffset? LastRunStarted,
    DateTimeOffset? LastRunFinished,
    bool IsRunning,
    int RunsOnThisHost);
