//! Helpers shared by the test crates: the binary as tests run it (`Test`,
//! `rolefit`), the built-in catalog's counts, and generated answers. Each
//! test crate uses a part of this.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use assert_cmd::Command;
use proptest::prelude::*;
use serde_json::Value;
use tempfile::TempDir;

use rolefit::answers::Respondent;
use rolefit::catalog::Catalog;

pub const MANIFEST: &str = env!("CARGO_MANIFEST_DIR");

/// Says on the terminal that a test is skipped because `tool` is missing
/// (written past the test harness's capture, so the notice is seen), or
/// fails the test when `ROLEFIT_REQUIRE_TOOLS` is set, as CI does.
pub fn missing_tool(tool: &str, how_to_get_it: &str) {
    if std::env::var_os("ROLEFIT_REQUIRE_TOOLS").is_some_and(|v| !v.is_empty() && v != "0") {
        panic!(
            "{tool} is required (ROLEFIT_REQUIRE_TOOLS is set) and was not found: {how_to_get_it}"
        );
    }
    use std::io::Write as _;
    let _ = writeln!(
        std::io::stderr(),
        "note: skipping a test that needs {tool}, which was not found: {how_to_get_it}"
    );
}

/// Generous: only a hang or a runaway allocation takes this long.
pub const HANG_GUARD: Duration = Duration::from_secs(60);

/// The binary, run from the repository root with no custom catalog, colour
/// off (`NO_COLOR`) and no forced colour inherited from whoever runs the
/// tests.
pub fn rolefit() -> Command {
    let mut cmd = Command::cargo_bin("rolefit").unwrap();
    cmd.current_dir(MANIFEST)
        .timeout(HANG_GUARD)
        .env_remove("ROLEFIT_ROLES")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// The same binary, run inside `dir` (so file names in messages are short).
pub fn rolefit_in(dir: &Path) -> Command {
    let mut cmd = rolefit();
    cmd.current_dir(dir);
    cmd
}

/// The built-in catalog, loaded once per test binary: counts in tests come
/// from here, never from numbers copied out of roles.yaml.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("the built-in catalog loads"))
}

/// How many roles the built-in catalog ranks.
pub fn role_count() -> usize {
    catalog().roles.len()
}

/// How many tags the built-in catalog has.
pub fn tag_count() -> usize {
    catalog().tags.len()
}

/// How many roles of the built-in catalog are in family `id`.
pub fn roles_in_family(id: &str) -> usize {
    let catalog = catalog();
    let family = catalog
        .families
        .iter()
        .position(|f| f.id == id)
        .unwrap_or_else(|| panic!("no family {id:?}"));
    catalog.roles.iter().filter(|r| r.family == family).count()
}

/// `validate`'s count of the built-in catalog: "N roles in F families, T tags".
pub fn catalog_counts() -> String {
    let catalog = catalog();
    format!(
        "{} roles in {} families, {} tags",
        catalog.roles.len(),
        catalog.families.len(),
        catalog.tags.len()
    )
}

/// The built-in roles.yaml with the first `find` replaced by `replace`,
/// written to `dir/name`: a custom catalog broken (or changed) in one place.
pub fn catalog_with(dir: &Path, name: &str, find: &str, replace: &str) -> PathBuf {
    let text = fs::read_to_string(format!("{MANIFEST}/roles.yaml")).unwrap();
    assert!(text.contains(find), "{find:?} not in roles.yaml");
    let path = dir.join(name);
    fs::write(&path, text.replacen(find, replace, 1)).unwrap();
    path
}

/// Writes `contents` to `dir/name` and returns the path.
pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, contents).unwrap();
    path
}

/// The 1-based number of the first line of `path` holding `needle`.
pub fn line_of(path: &Path, needle: &str) -> usize {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in {}", path.display()))
        + 1
}

/// One run of the binary written the way the README reads it: the files it
/// finds in a fresh directory, its arguments, then what it must show.
///
/// ```ignore
/// Test::new()
///     .file("a.yaml", "strengths: [SLO]\nstrenghts: [pager]\n")
///     .args(["score", "a.yaml"])
///     .stderr_has("unknown key \"strenghts\"")
///     .code(1)
///     .run();
/// ```
///
/// It runs in the fresh directory (`Test::new`) or the repository root
/// (`Test::in_repo`, for `examples/…`), always without `ROLEFIT_ROLES` and
/// with `NO_COLOR` set; expects exit 0 unless told `code`; and fails on a
/// panic message or a hang.
pub struct Test {
    dir: TempDir,
    in_repo: bool,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
    stdin: Option<Vec<u8>>,
    code: i32,
    stdout: Option<String>,
    stdout_has: Vec<String>,
    stdout_lacks: Vec<String>,
    stderr: Option<String>,
    stderr_has: Vec<String>,
    stderr_lacks: Vec<String>,
}

/// What a `Test` run left: its output, and the directory it ran in.
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub dir: TempDir,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().unwrap(),
            in_repo: false,
            args: Vec::new(),
            env: Vec::new(),
            stdin: None,
            code: 0,
            stdout: None,
            stdout_has: Vec::new(),
            stdout_lacks: Vec::new(),
            stderr: None,
            stderr_has: Vec::new(),
            stderr_lacks: Vec::new(),
        }
    }

    /// Runs from the repository root; files still go to the fresh directory
    /// (`Test::path` names them).
    pub fn in_repo() -> Test {
        Test {
            in_repo: true,
            ..Test::new()
        }
    }

    /// The fresh directory the files go to.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The fresh directory's path for `name`.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `name` (parent folders made as needed) into the fresh directory.
    pub fn file(self, name: &str, contents: impl AsRef<[u8]>) -> Test {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, contents).unwrap();
        self
    }

    #[allow(dead_code, reason = "part of the builder; no test needs it yet")]
    pub fn arg(mut self, arg: impl Into<OsString>) -> Test {
        self.args.push(arg.into());
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Test
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    #[allow(dead_code, reason = "part of the builder; no test needs it yet")]
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Test {
        self.env.push((key.into(), value.into()));
        self
    }

    #[allow(dead_code, reason = "part of the builder; no test needs it yet")]
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Test {
        self.stdin = Some(bytes.into());
        self
    }

    /// The exit code expected (0 when not said).
    pub fn code(mut self, code: i32) -> Test {
        self.code = code;
        self
    }

    /// Standard output, exactly.
    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Some(text.into());
        self
    }

    pub fn stdout_has(mut self, text: impl Into<String>) -> Test {
        self.stdout_has.push(text.into());
        self
    }

    pub fn stdout_lacks(mut self, text: impl Into<String>) -> Test {
        self.stdout_lacks.push(text.into());
        self
    }

    /// Standard error, exactly.
    #[allow(dead_code, reason = "part of the builder; no test needs it yet")]
    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Some(text.into());
        self
    }

    pub fn stderr_has(mut self, text: impl Into<String>) -> Test {
        self.stderr_has.push(text.into());
        self
    }

    pub fn stderr_lacks(mut self, text: impl Into<String>) -> Test {
        self.stderr_lacks.push(text.into());
        self
    }

    /// Runs the binary and checks everything said above.
    pub fn run(self) -> Ran {
        let mut cmd = if self.in_repo {
            rolefit()
        } else {
            rolefit_in(self.dir.path())
        };
        cmd.args(&self.args);
        for (key, value) in &self.env {
            cmd.env(key, value);
        }
        if let Some(stdin) = &self.stdin {
            cmd.write_stdin(stdin.clone());
        }
        let output = cmd.output().expect("rolefit runs");
        let ran = Ran {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            dir: self.dir,
        };
        let context = format!(
            "rolefit {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.args, ran.stdout, ran.stderr
        );
        assert!(
            output.status.code().is_some(),
            "killed (hang guard?): {context}"
        );
        assert!(!ran.stderr.contains("panicked"), "panic: {context}");
        assert_eq!(ran.code, self.code, "exit code: {context}");
        if let Some(stdout) = &self.stdout {
            assert_eq!(&ran.stdout, stdout, "stdout: {context}");
        }
        for text in &self.stdout_has {
            assert!(
                ran.stdout.contains(text),
                "stdout lacks {text:?}: {context}"
            );
        }
        for text in &self.stdout_lacks {
            assert!(!ran.stdout.contains(text), "stdout has {text:?}: {context}");
        }
        if let Some(stderr) = &self.stderr {
            assert_eq!(&ran.stderr, stderr, "stderr: {context}");
        }
        for text in &self.stderr_has {
            assert!(
                ran.stderr.contains(text),
                "stderr lacks {text:?}: {context}"
            );
        }
        for text in &self.stderr_lacks {
            assert!(!ran.stderr.contains(text), "stderr has {text:?}: {context}");
        }
        ran
    }
}

impl Ran {
    /// Standard output as one JSON document.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).expect("one JSON document on stdout")
    }

    /// A path in the directory the test's files were written to.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Runs `cmd`, expects exit code 0, returns stdout.
pub fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "exit {:?}: {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

pub fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("one JSON document")
}

/// A resolved respondent as `answers::resolve` would build it for
/// `catalog`: strengths and goals sorted and unique, no strengths on a path
/// of work style alone, no work style on a path without it, at least one
/// axis where work style is all there is. Axis answers come from `axis`.
pub fn respondent_with(
    catalog: &'static Catalog,
    axis: impl Strategy<Value = f64> + Clone,
) -> impl Strategy<Value = Respondent> {
    let tags = catalog.tags.len();
    (
        0..catalog.paths.len(),
        prop::collection::btree_map(0..tags, 1u8..=5, 0..8),
        prop::collection::btree_set(0..tags, 0..4),
        prop::collection::vec(prop::option::of(axis), catalog.axes.len()),
        prop::collection::btree_set(0..catalog.families.len(), 0..3),
    )
        .prop_map(move |(path, strengths, goals, mut work_style, families)| {
            let def = &catalog.paths[path];
            let competency = def.assesses_competency();
            if !def.assesses_work_style() {
                work_style.iter_mut().for_each(|v| *v = None);
            } else if !competency && work_style.iter().all(Option::is_none) {
                work_style[0] = Some(3.0);
            }
            let (strengths, goals) = if competency {
                (strengths.into_iter().collect(), goals.into_iter().collect())
            } else {
                (Vec::new(), Vec::new())
            };
            Respondent {
                id: "someone".into(),
                source: "generated.yaml".into(),
                path,
                strengths,
                goals,
                work_style,
                families: families.into_iter().collect(),
                target: None,
                warnings: Vec::new(),
                ..Default::default()
            }
        })
}

/// `4997` → `4,997`, as counts are written on stderr.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// Exit code, stdout and stderr of a finished command.
pub fn output(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Scores JSON Lines written to `big.jsonl` in `dir` as JSON Lines, the
/// best match only (quick for a big batch).
pub fn score_big_jsonl(dir: &Path, lines: &str) -> (Option<i32>, String, String) {
    write(dir, "big.jsonl", lines.as_bytes());
    output(rolefit_in(dir).args(["score", "big.jsonl", "--format", "jsonl", "--top", "1"]))
}

/// One phrase of a vocabulary list (`tests/vocabulary*.yaml`): what a
/// person writes and the tags an advisor accepts for it.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    pub phrase: String,
    #[serde(default)]
    pub accept: Vec<String>,
    /// Too broad for any one tag: a suggestion may help, a reading may not.
    #[serde(default)]
    pub broad: bool,
    /// A phrase no tag fits: any reading is wrong.
    #[serde(default)]
    pub none: bool,
}

/// A YAML file of the tests' own (a vocabulary or persona list): a name
/// under `tests/`, or a path.
pub fn yaml_list<T: serde::de::DeserializeOwned>(file: &str) -> T {
    let under_tests = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(file);
    let path = if under_tests.exists() {
        under_tests
    } else {
        PathBuf::from(file)
    };
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
