using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Service.Configuration;

namespace Edge.Service.StatusPage;

/// <summary>The status page's one password (user <c>admin</c>). Made at first boot, like Jenkins'
/// initialAdminPassword: the clear text goes to a file only the service account can read, for agency
/// IT to read once; the state folder keeps a PBKDF2 hash of it.</summary>
public sealed class StatusPagePassword
{
    public const string User = "admin";
    public const string HashFileName = "status-page.json";
    public const string ClearTextFileName = "status-page-password.txt";

    // Without 0/O, 1/l/I: read off a screen and typed by hand. 56 symbols x 20 = 116 bits.
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 20;
    // The password is random, so the work factor guards a stolen hash file little; it is kept
    // moderate because every wrong guess costs the Pi this many HMAC rounds.
    private const int Iterations = 200_000;
    private const int MinimumIterations = 100_000;

    private readonly PasswordHashFile _stored;
    private readonly Lock _derive = new();
    private readonly byte[] _cacheKey = RandomNumberGenerator.GetBytes(32);
    private byte[]? _acceptedTag;

    private StatusPagePassword(PasswordHashFile stored, string clearTextPath, bool created)
    {
        _stored = stored;
        ClearTextPath = clearTextPath;
        Created = created;
    }

    /// <summary>Where the clear text was written at first boot (it may have been deleted since).</summary>
    public string ClearTextPath { get; }

    /// <summary>True when this call made the password (first boot): say where to read it.</summary>
    public bool Created { get; }

    public static StatusPagePassword LoadOrCreate(string stateDirectory, TimeProvider time)
    {
        var hashPath = Path.Combine(stateDirectory, HashFileName);
        var clearTextPath = Path.Combine(stateDirectory, ClearTextFileName);
        if (File.Exists(hashPath))
            return new StatusPagePassword(Read(hashPath), clearTextPath, created: false);

        Directory.CreateDirectory(stateDirectory);
        var password = RandomNumberGenerator.GetString(Alphabet, Length);
        var salt = RandomNumberGenerator.GetBytes(16);
        var stored = new PasswordHashFile
        {
            User = User,
            Algorithm = PasswordHashFile.Pbkdf2Sha256,
            Iterations = Iterations,
            Salt = salt,
            Hash = Derive(password, salt, Iterations),
            Created = time.GetUtcNow(),
        };
        // Clear text first: the hash file is the commit point, so a crash between the two writes
        // makes a new password at the next start instead of a hash nobody knows the password of.
        PrivateFile.Write(clearTextPath, Encoding.UTF8.GetBytes(password + "\n"));
        PrivateFile.Write(hashPath, JsonSerializer.SerializeToUtf8Bytes(stored, PasswordHashFileJsonContext.Default.PasswordHashFile));
        return new StatusPagePassword(stored, clearTextPath, created: true);
    }

    public bool Verify(string password)
    {
        var tag = HMACSHA256.HashData(_cacheKey, Encoding.UTF8.GetBytes(password));
        if (Volatile.Read(ref _acceptedTag) is { } accepted && CryptographicOperations.FixedTimeEquals(tag, accepted))
            return true;
        byte[] hash;
        // One derivation at a time: guesses from many addresses at once cost one core, not all.
        lock (_derive)
            hash = Derive(password, _stored.Salt, _stored.Iterations);
        if (!CryptographicOperations.FixedTimeEquals(hash, _stored.Hash))
            return false;
        Volatile.Write(ref _acceptedTag, tag);
        return true;
    }

    private static byte[] Derive(string password, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);

    private static PasswordHashFile Read(string path)
    {
        PasswordHashFile? stored;
        try
        {
            stored = JsonSerializer.Deserialize(File.ReadAllBytes(path), PasswordHashFileJsonContext.Default.PasswordHashFile);
        }
        catch (JsonException e)
        {
            throw Refused(path, e.Message);
        }
        if (stored is null)
            throw Refused(path, "it is empty (null)");
        if (stored.User != User || stored.Algorithm != PasswordHashFile.Pbkdf2Sha256)
            throw Refused(path, $"user '{stored.User}' with '{stored.Algorithm}' is not {User} with {PasswordHashFile.Pbkdf2Sha256}");
        if (stored.Iterations < MinimumIterations || stored.Salt.Length < 16 || stored.Hash.Length != 32)
            throw Refused(path, "its iterations, salt or hash are too small");
        return stored;
    }

    private static ConfigurationException Refused(string path, string reason) =>
        new(path, $"the status page password hash cannot be used: {reason}. Delete the file to make a new password at the next start.");
}
