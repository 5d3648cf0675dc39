//! Leaving the interview cleanly: Ctrl-C and a read interrupted end it
//! with the cursor shown on a fresh line and the terminal's own settings
//! back, exit status 130.

use std::io;
use std::sync::Mutex;

use crate::error::Error;

/// Ctrl-C arrives as an interrupted read (dialoguer reads keys in raw
/// mode); anything else the terminal does wrong is an I/O error.
pub(super) fn terminal_error(e: io::Error) -> Error {
    if e.kind() == io::ErrorKind::Interrupted {
        leave_on_a_fresh_line();
        Error::Interrupted
    } else {
        Error::io("<terminal>", e)
    }
}

/// Whether the cursor has been shown on a fresh line for leaving. A lock,
/// not a flag: Ctrl-C is seen both by the key reader and by the signal
/// handler, and the one that comes second must wait until the first has
/// written, or the process may end before the line is out.
static LEFT: Mutex<bool> = Mutex::new(false);

/// What leaving now would lose, said on leaving (`None`: nothing yet, the
/// interview has not ended).
static UNSAVED: Mutex<Option<String>> = Mutex::new(None);

/// Says `what` is lost if the person leaves from now on.
pub(super) fn unsaved_on_leaving(what: String) {
    *UNSAVED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(what);
}

/// Shows the cursor and starts a fresh line, once, so that the shell's
/// prompt after an interruption starts on a line of its own; then says
/// what was not saved.
pub(super) fn leave_on_a_fresh_line() {
    let mut left = LEFT.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if !*left {
        let mut stderr = std::io::stderr();
        let _ = std::io::Write::write_all(&mut stderr, b"\x1b[?25h\r\n");
        let _ = std::io::Write::flush(&mut stderr);
        let unsaved = UNSAVED
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let lost = unsaved.as_deref().unwrap_or("nothing was saved");
        crate::diagnostics::note(&format_args!("interrupted: {lost}"));
        *left = true;
    }
}

/// Whether [`leave_on_a_fresh_line`] has run.
pub(super) fn has_left() -> bool {
    *LEFT.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Ctrl-C during the interview.
///
/// dialoguer hides the cursor while a list is shown and reads keys in raw
/// mode; on Ctrl-C, console restores the terminal mode and raises SIGINT,
/// whose default action would end the process with the cursor still
/// hidden. A Ctrl-C typed between two prompts is a SIGINT from the
/// terminal itself. Either way the handler shows the cursor and exits with
/// 130 at once: the interview writes nothing until its very end, so there
/// is nothing to clean up.
pub(super) fn exit_130_on_ctrl_c() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        // Without a handler Ctrl-C still ends the interview, only with the
        // cursor hidden; not worth failing the interview over.
        let _ = ctrlc::set_handler(|| {
            quiet::restore();
            leave_on_a_fresh_line();
            std::process::exit(130);
        });
    });
}

/// The terminal without echo and line buffering while the interview
/// runs, restored when it ends however it ends.
///
/// The prompts read one key at a time, switching to raw mode for each
/// read; between two reads the terminal is back in its own mode, and a key
/// typed then would be echoed into the screen being drawn (and its lines
/// miscounted), or held until Enter.
///
/// rustix's termios, not console's: console turns raw mode on and off
/// around each read and offers no mode that lasts between reads, and
/// calling libc ourselves would need `unsafe`. rustix with `termios` is
/// built anyway (clap's wrap_help through terminal_size, and tempfile).
#[cfg(unix)]
pub(super) mod quiet {
    use std::sync::Mutex;

    use rustix::termios::{self, LocalModes, OptionalActions, SpecialCodeIndex, Termios};

    /// The terminal's own settings while they are changed.
    static SAVED: Mutex<Option<Termios>> = Mutex::new(None);

    pub struct Quiet;

    impl Quiet {
        pub fn new() -> Quiet {
            let stdin = std::io::stdin();
            if let Ok(original) = termios::tcgetattr(&stdin) {
                let mut quiet = original.clone();
                quiet
                    .local_modes
                    .remove(LocalModes::ECHO | LocalModes::ICANON);
                quiet.special_codes[SpecialCodeIndex::VMIN] = 1;
                quiet.special_codes[SpecialCodeIndex::VTIME] = 0;
                if termios::tcsetattr(&stdin, OptionalActions::Now, &quiet).is_ok()
                    && let Ok(mut saved) = SAVED.lock()
                {
                    *saved = Some(original);
                }
            }
            Quiet
        }
    }

    /// Puts the terminal's own settings back, once.
    pub fn restore() {
        let original = SAVED.lock().ok().and_then(|mut saved| saved.take());
        if let Some(original) = original {
            let _ = termios::tcsetattr(std::io::stdin(), OptionalActions::Now, &original);
        }
    }

    impl Drop for Quiet {
        fn drop(&mut self) {
            restore();
        }
    }
}

#[cfg(not(unix))]
pub(super) mod quiet {
    pub struct Quiet;

    impl Quiet {
        pub fn new() -> Quiet {
            Quiet
        }
    }

    pub fn restore() {}
}
