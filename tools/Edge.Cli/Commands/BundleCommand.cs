using System.CommandLine;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl bundle</c>: create, verify and inspect signed firmware bundles.</summary>
internal static class BundleCommand
{
    public static Command Create() =>
        new("bundle", "Signed firmware bundles: create, verify, inspect")
        {
            BundleCreateCommand.Create(),
            BundleVerifyCommand.Create(),
            BundleInspectCommand.Create(),
        };
}
