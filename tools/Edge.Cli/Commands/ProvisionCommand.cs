using System.CommandLine;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl provision</c>: a sensor's identity, broker and trust as one signed file, which
/// <c>edgectl flash --provision</c> writes onto the sensor.</summary>
internal static class ProvisionCommand
{
    public static Command Create() =>
        new("provision", "Provisioning sets: a sensor's identity, broker, client certificate and trusted keys")
        {
            ProvisionCreateCommand.Create(),
            ProvisionInspectCommand.Create(),
        };
}
