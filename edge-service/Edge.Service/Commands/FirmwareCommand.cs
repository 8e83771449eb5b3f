using System.CommandLine;
using Edge.Firmware.Slots;
using Edge.Flashing.Agent;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;
using Edge.Hardware.Boards;
using Edge.Service.Configuration;
using Edge.Service.Firmware;
using Edge.Service.Uplink;
using Edge.Uplink.Commands.Signing;

namespace Edge.Service.Commands;

/// <summary><c>edge-service firmware install BUNDLE</c> and <c>firmware status</c>: the sensor's side of
/// an update (the USB flash agent calls the same installer).</summary>
internal static class FirmwareCommand
{
    public static Command Create()
    {
        var root = new Option<string?>("--root") { Description = "the A/B slot root (default Edge:Firmware:SlotRoot, else the one this binary runs from)" };
        var config = new Option<string?>("--config") { Description = "settings file over the bundled appsettings.json" };
        var bundle = new Argument<string>("BUNDLE") { Description = "a bundle made by edgectl bundle create" };
        var install = new Command("install", "Verify a signed bundle and install it into the idle slot, to boot on trial") { bundle, root, config };
        install.SetAction(parse => Install(parse.GetValue(bundle)!, parse.GetValue(root), parse.GetValue(config)));
        var status = new Command("status", "Show the active slot, a trial in progress and the last rollback") { root, config };
        status.SetAction(parse => Status(parse.GetValue(root), parse.GetValue(config)));
        var port = new Option<string>("--port") { Description = "the USB serial gadget, e.g. /dev/ttyGS0", Required = true };
        var agent = new Command("agent", "Serve technicians' edgectl flash on the USB serial gadget until stopped") { port, root, config };
        agent.SetAction((parse, cancellationToken) => Agent(parse.GetRequiredValue(port), parse.GetValue(root), parse.GetValue(config), cancellationToken));
        var set = new Argument<string>("SET") { Description = "a provisioning set made by edgectl provision create" };
        var target = new Option<string>("--config") { Description = "the configuration file the set replaces", Required = true };
        var provision = new Command("provision", "Verify a signed provisioning set and make it this sensor's identity, broker and trust") { set, target, root };
        provision.SetAction(parse => Provision(parse.GetValue(set)!, parse.GetRequiredValue(target), parse.GetValue(root)));
        return new Command("firmware", "Firmware updates on the sensor: A/B slots with rollback, provisioning") { install, status, agent, provision };
    }

    private static int Install(string bundlePath, string? rootOption, string? configFile)
    {
        if (!TryPrepare(rootOption, configFile, out var settings, out var slots))
            return 2;
        if (!File.Exists(bundlePath))
        {
            Console.Error.WriteLine($"edge-service firmware: no such bundle: {bundlePath}");
            return 2;
        }
        if (!TryTrust(settings, out var keys))
            return 2;
        var board = settings.Sensor.Board ?? BoardProfiles.DetectName();
        var result = new FirmwareInstaller(slots, keys, board, ServiceUplink.Version).Install(bundlePath);
        if (result.Refusal is { } refusal)
        {
            Console.Error.WriteLine($"edge-service firmware: refused: {refusal}");
            return 1;
        }
        Console.WriteLine($"installed {result.Version} into slot {result.Slot}; it boots on trial and goes back to slot {(result.Slot == SlotStore.A ? SlotStore.B : SlotStore.A)} unless healthy within {settings.Firmware.TrialDeadlineSeconds} s");
        return 0;
    }

    /// <summary>The flash agent: bundles arrive over the cable into the state folder (so a pulled cable
    /// or a power cut resumes), then go through the same installer as <c>firmware install</c>.</summary>
    private static async Task<int> Agent(string port, string? rootOption, string? configFile, CancellationToken cancellationToken)
    {
        if (!TryPrepare(rootOption, configFile, out var settings, out var slots))
            return 2;
        var board = settings.Sensor.Board ?? BoardProfiles.DetectName();
        var stateRoot = StatePaths.Resolve(settings.Sensor.StateDirectory).Root;
        var staging = Path.Combine(stateRoot, "flash");
        Directory.CreateDirectory(staging);
        var activity = new FlashActivityFile(FlashActivityFile.In(stateRoot), TimeProvider.System);
        var agent = new FlashAgent(new FlashAgentOptions
        {
            StagingDirectory = staging,
            SoftwareVersion = ServiceUplink.Version,
            Board = board ?? "",
            SensorId = $"{settings.Sensor.Agency}/{settings.Sensor.Id}",
            Activity = activity.Write,
        }, SerialPortStream.Opener(port), (payload, _) => Task.FromResult(payload.Kind == TransferKind.Provisioning
            ? AgentProvision(payload.Path, configFile, slots.Root)
            : AgentInstall(rootOption, configFile, payload.Path)));
        Console.WriteLine($"flash agent on {port}: bundles staged in {staging}, installed into {slots.Root}");
        try
        {
            await agent.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }

    /// <summary>A refusal keeps its bundle code above the protocol's own codes (0x100 and up). The
    /// settings are read for each bundle: a provisioning set sent just before may have changed the keys.</summary>
    private static FlashOutcome AgentInstall(string? rootOption, string? configFile, string bundle)
    {
        if (!TryPrepare(rootOption, configFile, out var settings, out var slots))
            return FlashOutcome.Refused(ConfigurationRefused, "the sensor's configuration does not load (see the agent's log)");
        if (!TryTrust(settings, out var keys))
            return FlashOutcome.Refused(ConfigurationRefused, "the sensor trusts no bundle key (Edge:Firmware:TrustedKeys): provision it first");
        var installer = new FirmwareInstaller(slots, keys, settings.Sensor.Board ?? BoardProfiles.DetectName(), ServiceUplink.Version);
        var result = installer.Install(bundle);
        Console.WriteLine(result.Refusal is { } refused ? $"refused: {refused}" : $"installed {result.Version} into slot {result.Slot}");
        return result.Refusal is { } refusal
            ? FlashOutcome.Refused((ushort)(0x100 + (int)refusal.Code), refusal.ToString())
            : FlashOutcome.Success($"{result.Version} installed into slot {result.Slot}, booting on trial");
    }

    /// <summary>Refusal codes of the flash protocol's Result: bundles 0x100 + their code, provisioning
    /// sets 0x200 + theirs, and a sensor whose own configuration is unusable this one.</summary>
    private const ushort ConfigurationRefused = 0x2FF;

    private static FlashOutcome AgentProvision(string path, string? configFile, string slotRoot)
    {
        if (configFile is null)
            return FlashOutcome.Refused(ConfigurationRefused, "the flash agent runs without --config, so it has no configuration file to provision");
        var result = new ProvisioningInstaller(configFile, slotRoot, TimeProvider.System).Install(path);
        Console.WriteLine(result.Refusal is { } refused ? $"provisioning refused: {refused}" : $"provisioned {result.Identity}");
        return result.Refusal is { } refusal
            ? FlashOutcome.Refused((ushort)(0x200 + (int)refusal.Code), refusal.ToString())
            : FlashOutcome.Success($"provisioned {result.Identity}; the sensor restarts with it");
    }

    private static int Provision(string path, string configFile, string? rootOption)
    {
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"edge-service firmware: no such provisioning set: {path}");
            return 2;
        }
        string? root = rootOption;
        if (root is null)
        {
            try
            {
                root = EdgeConfiguration.LoadWithOverrides(File.Exists(configFile) ? configFile : null).Firmware.ResolveSlotRoot();
            }
            catch (ConfigurationException)
            {
                // The set is about to replace that configuration; without it there is no slot root to signal.
            }
        }
        var result = new ProvisioningInstaller(configFile, root, TimeProvider.System).Install(path);
        if (result.Refusal is { } refusal)
        {
            Console.Error.WriteLine($"edge-service firmware: provisioning refused: {refusal}");
            return 1;
        }
        Console.WriteLine($"provisioned {result.Identity} into {Path.GetFullPath(configFile)}");
        return 0;
    }

    private static bool TryTrust(EdgeSettings settings, out TrustedKeys keys)
    {
        keys = TrustedKeys.From(settings.Firmware.TrustedKeys);
        if (keys.Count > 0)
            return true;
        Console.Error.WriteLine("edge-service firmware: no bundle key is trusted (Edge:Firmware:TrustedKeys): every bundle would be refused");
        return false;
    }

    private static int Status(string? rootOption, string? configFile)
    {
        if (!TryPrepare(rootOption, configFile, out _, out var slots))
            return 2;
        var state = slots.ReadState();
        Console.WriteLine($"root      {slots.Root}");
        Console.WriteLine($"active    slot {slots.Active}, version {FirmwareInstaller.InstalledVersion(slots) ?? $"{ServiceUplink.Version} (as built; no bundle installed yet)"}");
        Console.WriteLine(state.Trial is { } trial
            ? $"trial     {trial.Version} in slot {trial.Slot} since {trial.Since:u}, {trial.Starts} start(s)"
            : "trial     none");
        Console.WriteLine(state.LastRollback is { } rollback
            ? $"rollback  {rollback.Version} at {rollback.At:u}: {rollback.Reason} ({(rollback.AlertId is { } id ? $"alert {id}" : "no alert sent yet")})"
            : "rollback  none");
        return 0;
    }

    private static bool TryPrepare(string? rootOption, string? configFile, out EdgeSettings settings, out SlotStore slots)
    {
        slots = null!;
        try
        {
            // A sensor fresh from the factory has no configuration yet: the first provisioning set writes it.
            settings = EdgeConfiguration.LoadWithOverrides(configFile is not null && File.Exists(configFile) ? configFile : null);
        }
        catch (ConfigurationException e)
        {
            Console.Error.WriteLine($"edge-service firmware: bad configuration: {e.Message}");
            settings = null!;
            return false;
        }
        var root = rootOption ?? settings.Firmware.ResolveSlotRoot();
        if (root is null)
        {
            Console.Error.WriteLine("edge-service firmware: no slot root: set Edge:Firmware:SlotRoot or pass --root (this binary does not run from ROOT/slots/a or b)");
            return false;
        }
        slots = new SlotStore(root, TimeProvider.System);
        return true;
    }
}
