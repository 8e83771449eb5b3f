namespace Edge.Benchmarks.Intel;

/// <summary>Resident memory of this process from /proc/self/status (Linux). The peak (VmHWM) can be
/// reset to the current RSS by writing 5 to /proc/self/clear_refs, so a high-water mark can be
/// taken around one operation; unlike the managed heap size it counts everything the process
/// really holds: live data, garbage not yet collected, and memory the GC keeps committed.</summary>
internal static class ProcessMemory
{
    public static long Resident => Read("VmRSS:");

    public static long Peak => Read("VmHWM:");

    /// <summary>False when the kernel refuses (then <see cref="Peak"/> is the process lifetime peak).</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static long Read(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line.AsSpan(key.Length).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
