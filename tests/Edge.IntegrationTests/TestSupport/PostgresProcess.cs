using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Npgsql;

namespace Edge.IntegrationTests.TestSupport;

/// <summary>A real PostgreSQL (Debian's <c>postgresql</c> package) for one test: a fresh cluster in a
/// temporary folder, listening on a free port of 127.0.0.1 only (and a unix socket in that folder),
/// password (SCRAM) authentication, one database. initdb and postgres refuse to run as root, so when
/// the tests run as root (CI does) both run as the <c>postgres</c> system user through
/// <c>setpriv</c>, which execs in place: the process this class holds is postgres itself. Tuned for
/// tests, not durability (fsync off). Dispose stops it (SIGINT, a fast shutdown; SIGKILL after 15 s)
/// and deletes the folder.</summary>
public sealed class PostgresProcess : IAsyncDisposable
{
    public const string User = "edge";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly string _password;

    private PostgresProcess(DirectoryInfo directory, int port, string password, Process process)
    {
        Directory = directory;
        Port = port;
        _password = password;
        _process = process;
    }

    public DirectoryInfo Directory { get; }

    public int Port { get; }

    public string LogFile => Path.Combine(Directory.FullName, "postgres.log");

    /// <summary>The newest Debian PostgreSQL's bin folder (<c>/usr/lib/postgresql/N/bin</c>), or null.</summary>
    public static string? BinDirectory =>
        System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Dir, "postgres")) && File.Exists(Path.Combine(d.Dir, "initdb")))
                .OrderByDescending(d => d.Version).Select(d => d.Dir).FirstOrDefault()
            : null;

    /// <summary>Skips the test when PostgreSQL is not installed (tools/dev/deps.sh installs it).</summary>
    public static void RequireInstalled()
    {
        if (BinDirectory is null)
            Assert.Skip("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres): run tools/dev/deps.sh");
    }

    /// <summary>A connection string for a database of this cluster.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={_password};Database={database};Pooling=false;Timeout=15;Command Timeout=0";

    /// <summary>Starts a fresh cluster and creates <paramref name="database"/>.</summary>
    /// <param name="icuLocale">Collation of the database (e.g. <c>en-US</c>, where text sorts as a language
    /// does, not by bytes); null keeps the cluster's C.UTF-8.</param>
    public static async Task<PostgresProcess> StartAsync(string database = "edge", string? icuLocale = null)
    {
        RequireInstalled();
        var bin = BinDirectory!;
        var directory = System.IO.Directory.CreateTempSubdirectory("edge-postgres-");
        try
        {
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var passwordFile = Path.Combine(directory.FullName, "password");
            await File.WriteAllTextAsync(passwordFile, password + "\n");
            if (IsRoot)
                HandOver(directory.FullName);
            var data = Path.Combine(directory.FullName, "data");
            var init = Run(bin, "initdb", "-D", data, "-U", User, "--pwfile", passwordFile, "--auth=scram-sha-256",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
            if (init.ExitCode != 0)
                throw new InvalidOperationException($"initdb failed ({init.ExitCode}):\n{init.Output}");
            File.Delete(passwordFile);
            var port = MosquittoProcess.FreePort();
            var process = Start(bin, "postgres", "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", directory.FullName,
                "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "logging_collector=off", "-c", "shared_buffers=128MB");
            var postgres = new PostgresProcess(directory, port, password, process);
            try
            {
                await postgres.WaitReadyAsync();
                await postgres.ExecuteAsync("postgres", $"CREATE DATABASE \"{database}\" TEMPLATE template0"
                    + (icuLocale is null ? "" : $" LOCALE_PROVIDER icu ICU_LOCALE '{icuLocale}' LOCALE 'C.UTF-8'"));
                return postgres;
            }
            catch
            {
                await postgres.DisposeAsync();
                throw;
            }
        }
        catch
        {
            if (directory.Exists)
                directory.Delete(recursive: true);
            throw;
        }
    }

    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public string Log
    {
        get
        {
            try
            {
                return File.ReadAllText(LogFile);
            }
            catch (IOException)
            {
                return "";
            }
        }
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"postgres exited with {_process.ExitCode}:\n{Log}");
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>As root: the cluster's folder belongs to the postgres system user (initdb refuses root).</summary>
    private static void HandOver(string directory)
    {
        var chown = ToolRun.Run("chown", "/", TimeSpan.FromSeconds(10), "-R", "postgres:postgres", directory);
        if (chown.ExitCode != 0)
            throw new InvalidOperationException("running as root, the cluster must belong to the postgres system user, but chown failed "
                + $"(is the postgresql package installed? tools/dev/deps.sh): {chown.Output}");
    }

    /// <summary>The program itself, or as root the program as postgres (setpriv execs it, no shell, no extra process).</summary>
    private static ProcessStartInfo StartInfo(string bin, string program, string[] args)
    {
        var start = new ProcessStartInfo(IsRoot ? "setpriv" : Path.Combine(bin, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot)
        {
            foreach (var arg in new[] { "--reuid=postgres", "--regid=postgres", "--init-groups", Path.Combine(bin, program) })
                start.ArgumentList.Add(arg);
        }
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // initdb and postgres check that they can read their working folder.
        start.WorkingDirectory = "/";
        start.Environment["LC_ALL"] = "C.UTF-8";
        return start;
    }

    private static (int ExitCode, string Output) Run(string bin, string program, params string[] args)
    {
        using var process = Process.Start(StartInfo(bin, program, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"{program} took longer than a minute");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static Process Start(string bin, string program, params string[] args)
    {
        var process = Process.Start(StartInfo(bin, program, args))!;
        var log = Path.Combine(args[Array.IndexOf(args, "-k") + 1], "postgres.log");
        var writer = new StreamWriter(new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var gate = new object();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) =>
        {
            lock (gate)
                writer.Dispose();
        };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;

        void Append(string? line)
        {
            if (line is null)
                return;
            lock (gate)
            {
                try
                {
                    writer.WriteLine(line);
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGINT: PostgreSQL's fast shutdown (ends sessions, checkpoints, exits with its children).
            using (var kill = Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            try
            {
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
            catch (TimeoutException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        _process.Dispose();
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
