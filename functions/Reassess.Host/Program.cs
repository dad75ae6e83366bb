using System.CommandLine;
using Reassess.Host.Cli;

var root = new RootCommand("Reassess: for each AI workload, stay on a prompted frontier model or fine-tune a smaller one now?");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(WhatIfCommand.Create());
return await root.Parse(args).InvokeAsync();
