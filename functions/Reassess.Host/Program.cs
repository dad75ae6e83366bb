using System.CommandLine;
using Reassess.Host.Cli;

// WebApplicationFactory starts the entry point with nothing but --key=value host settings: that is the server.
if (args.Length > 0 && args.All(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=')))
    args = ["serve", .. args];

var root = new RootCommand("Reassess: for each AI workload, stay on a prompted frontier model or fine-tune a smaller one now?");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(WhatIfCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(UsageCommand.Create());
root.Subcommands.Add(TrendsCommand.Create());
root.Subcommands.Add(OutcomeCommand.Create());
root.Subcommands.Add(DeliverCommand.Create());
root.Subcommands.Add(PricesCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
BenchFocusCommand.AddTo(root);
return await root.Parse(args).InvokeAsync();

/// <summary>The entry point, named so that tests can host it (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
