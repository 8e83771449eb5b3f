using System.CommandLine;
using Edge.Firmware.Slots;
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
        return new Command("firmware", "Firmware updates on the sensor: A/B slots with rollback") { install, status };
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
        var keys = new TrustedKeys();
        foreach (var (keyId, keyText) in settings.Firmware.TrustedKeys)
            keys.Add(keyId, keyText);
        if (keys.Count == 0)
        {
            Console.Error.WriteLine("edge-service firmware: no bundle key is trusted (Edge:Firmware:TrustedKeys): every bundle would be refused");
            return 2;
        }
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

    private static int Status(string? rootOption, string? configFile)
    {
        if (!TryPrepare(rootOption, configFile, out _, out var slots))
            return 2;
        var state = slots.ReadState();
        Console.WriteLine($"root      {slots.Root}");
        Console.WriteLine($"active    slot {slots.Active}");
        Console.WriteLine(state.Trial is { } trial
            ? $"trial     {trial.Version} in slot {trial.Slot} since {trial.Since:u}, {trial.Starts} start(s)"
            : "trial     none");
        Console.WriteLine(state.LastRollback is { } rollback
            ? $"rollback  {rollback.Version} at {rollback.At:u}: {rollback.Reason}"
            : "rollback  none");
        return 0;
    }

    private static bool TryPrepare(string? rootOption, string? configFile, out EdgeSettings settings, out SlotStore slots)
    {
        slots = null!;
        try
        {
            settings = EdgeConfiguration.LoadWithOverrides(configFile);
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
