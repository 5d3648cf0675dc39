//! The interview's steps driven by a scripted prompter, a file per concern
//! sharing the builders of `fixtures`.

mod fixtures;
mod going_back;
mod outcome;
mod steps;
