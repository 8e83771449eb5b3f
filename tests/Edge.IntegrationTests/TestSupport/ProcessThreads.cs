namespace Edge.IntegrationTests.TestSupport;

/// <summary>What a process's threads are doing, for a test that timed out waiting on it.</summary>
internal static class ProcessThreads
{
    /// <summary>Each thread's name, state and wait channel from /proc, counted: a thread pool that
    /// is starved or a thread stuck in one place shows here.</summary>
    public static string Describe(int pid)
    {
        try
        {
            var seen = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
                var channel = File.ReadAllText(Path.Combine(task, "wchan")).Trim();
                var key = $"{name} {state} {channel}";
                seen[key] = seen.GetValueOrDefault(key) + 1;
            }
            return string.Join("; ", seen.Select(pair => $"{pair.Key} ×{pair.Value}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"unreadable ({e.Message})";
        }
    }
}
