namespace Edge.Service.Systemd;

/// <summary>Journal field names for structured-logging keys. journald accepts only A–Z, 0–9 and _,
/// at most 64 characters, and reserves a leading _ for the fields it adds itself (trusted fields), so
/// every key becomes EDGE_ and the key upper-cased with anything else turned into _.</summary>
public static class JournalFieldName
{
    public const string Prefix = "EDGE_";
    private const int MaxLength = 64;

    public static string FromKey(string key)
    {
        var length = Math.Min(Prefix.Length + key.Length, MaxLength);
        return string.Create(length, key, static (name, key) =>
        {
            Prefix.AsSpan().CopyTo(name);
            for (var i = Prefix.Length; i < name.Length; i++)
                name[i] = Sanitise(key[i - Prefix.Length]);
        });
    }

    private static char Sanitise(char c) => c switch
    {
        >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' => c,
        >= 'a' and <= 'z' => (char)(c - 'a' + 'A'),
        _ => '_',
    };
}
