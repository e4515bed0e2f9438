//! Shared by the integration tests (included with `#[path]`): a throwaway folder holding a
//! store, a config home and article files, and a way to run the `juxta` binary inside it the
//! way a user would, never touching the real store or config of whoever runs the tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A temporary folder with everything one test needs.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

/// What one run of `juxta` did.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output, lossily decoded.
    pub stdout: String,
    /// Standard error, lossily decoded.
    pub stderr: String,
    /// Standard output as bytes, to look for bytes that must never be there.
    pub raw_stdout: Vec<u8>,
}

impl Run {
    /// Asserts that the run succeeded, showing its output when it did not.
    #[track_caller]
    pub fn success(&self) -> &Run {
        assert_eq!(
            self.code, 0,
            "juxta failed\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts that the run failed with exit code 1.
    #[track_caller]
    pub fn failure(&self) -> &Run {
        assert_eq!(
            self.code, 1,
            "expected exit code 1\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        self
    }

    /// The lines of standard error.
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }
}

impl Sandbox {
    /// A fresh, empty sandbox.
    pub fn new() -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("juxta-test-")
            .tempdir()
            .expect("a temporary folder");
        Sandbox { dir }
    }

    /// The sandbox folder (also the working folder of every run).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the sandbox.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The store every run uses unless a test says otherwise (via JUXTA_STORE).
    pub fn store(&self) -> PathBuf {
        self.path("store")
    }

    /// Writes a file (creating its folders) and returns its path.
    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folders");
        }
        std::fs::write(&path, bytes).expect("write a test file");
        path
    }

    /// The juxta command, running in the sandbox with its store, and with a home and config
    /// folder of its own so that no user file is read.
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_juxta"));
        let home = self.path("home");
        cmd.current_dir(self.root())
            .env("JUXTA_STORE", self.store())
            .env_remove("JUXTA_CONFIG")
            .env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("NO_COLOR", "1");
        cmd
    }

    /// Runs juxta with these arguments and waits for it.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_cmd(self.command().args(args))
    }

    /// Runs a prepared command and waits for it.
    pub fn run_cmd(&self, cmd: &mut Command) -> Run {
        let out = cmd.output().expect("run juxta");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            raw_stdout: out.stdout,
        }
    }

    /// `juxta list --json`, parsed.
    pub fn list(&self) -> Vec<serde_json::Value> {
        let run = self.run(&["list", "--json"]);
        run.success();
        serde_json::from_str(&run.stdout).expect("list --json prints JSON")
    }

    /// The ids in the store, in listing order.
    pub fn ids(&self) -> Vec<String> {
        self.list()
            .iter()
            .map(|a| a["id"].as_str().expect("an id").to_string())
            .collect()
    }

    /// One stored article (`juxta show ID --json`), parsed.
    pub fn article(&self, id: &str) -> serde_json::Value {
        let run = self.run(&["show", id, "--json"]);
        run.success();
        serde_json::from_str(&run.stdout).expect("show --json prints JSON")
    }

    /// The stored text of one article.
    pub fn text(&self, id: &str) -> String {
        self.article(id)["text"]
            .as_str()
            .expect("a text")
            .to_string()
    }
}

/// Whether the current user can read a file whose permissions are 000 (root can): tests of
/// "permission denied" only make sense when it cannot.
pub fn permissions_are_enforced(sandbox: &Sandbox) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let probe = sandbox.write("permission-probe", "x");
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        let enforced = std::fs::read(&probe).is_err();
        std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::remove_file(&probe).expect("remove the probe");
        enforced
    }
    #[cfg(not(unix))]
    {
        let _ = sandbox;
        false
    }
}
