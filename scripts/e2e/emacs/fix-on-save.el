;;; fix-on-save.el --- fix-on-save check for tlsguard in batch Emacs with Eglot -*- lexical-binding: t -*-
;;
;; Loads the user configuration in $TLSGUARD_E2E_CONFIG (a snippet from docs/editors.md),
;; visits $TLSGUARD_E2E_FILE so that the snippet's python-mode hook starts Eglot, waits for the
;; first diagnostics, then saves the buffer, which runs the snippet's before-save fix.
;; Prints JSON lines on stdout (events `diagnostic', `diagnostics', `written', `result') in the
;; format of the LSP client harnesses.  Exit status: 0 ok, 1 failure, 2 timeout.
;;
;; Run as: emacs --batch --no-init-file -l fix-on-save.el

(require 'cl-lib)
(require 'json)

(defvar tlsguard-e2e-published 0 "Number of publishDiagnostics received for the file.")
(defvar tlsguard-e2e-uri nil)

(defun tlsguard-e2e-emit (&rest plist)
  "Print PLIST as one JSON object, with the client name added."
  (princ (concat (json-encode (append (list :client "emacs") plist)) "\n")))

(defun tlsguard-e2e-finish (code status &rest extra)
  "Print the result event, stop the server and exit with CODE."
  (apply #'tlsguard-e2e-emit :event "result" :status status :exit code extra)
  (when-let ((server (and (fboundp 'eglot-current-server) (eglot-current-server))))
    (ignore-errors (with-timeout (5 nil) (eglot-shutdown server))))
  (kill-emacs code))

(defun tlsguard-e2e-wait (seconds predicate)
  "Process output and timers until PREDICATE returns non-nil or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)) done)
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    done))

(let ((config (getenv "TLSGUARD_E2E_CONFIG"))
      (file (getenv "TLSGUARD_E2E_FILE"))
      (timeout (string-to-number (or (getenv "TLSGUARD_E2E_TIMEOUT") "60"))))
  (unless (and config file)
    (message "set TLSGUARD_E2E_CONFIG and TLSGUARD_E2E_FILE")
    (kill-emacs 64))
  ;; Batch Emacs must not prompt or leave backup and lock files next to the fixture.
  (setq make-backup-files nil create-lockfiles nil auto-save-default nil)
  (load config nil t t)
  (require 'eglot)
  (setq eglot-sync-connect timeout eglot-connect-timeout timeout)
  (setq file (expand-file-name file)
        tlsguard-e2e-uri (eglot--path-to-uri file))
  (cl-defmethod eglot-handle-notification :after
    (_server (_method (eql textDocument/publishDiagnostics)) &key uri &allow-other-keys)
    (when (equal uri tlsguard-e2e-uri)
      (cl-incf tlsguard-e2e-published)))

  (find-file file)
  ;; eglot-ensure connects from post-command-hook, which only the interactive command loop runs.
  (run-hooks 'post-command-hook)
  (unless (tlsguard-e2e-wait timeout (lambda () (> tlsguard-e2e-published 0)))
    (tlsguard-e2e-finish 2 "timeout" :waiting_for "publishDiagnostics"))
  (unless (eglot-managed-p)
    (tlsguard-e2e-finish 1 "not-managed" :error "Eglot does not manage the buffer"))

  ;; Read the findings back from Flymake, the store Eglot feeds.
  (flymake-start)
  (tlsguard-e2e-wait 0.3 #'ignore)
  (let ((diagnostics (sort (flymake-diagnostics)
                           (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b))))))
    (dolist (diagnostic diagnostics)
      (let* ((lsp (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data diagnostic))))
             (range (plist-get lsp :range)))
        (tlsguard-e2e-emit :event "diagnostic" :phase "initial" :file file
                           :line (plist-get (plist-get range :start) :line)
                           :character (plist-get (plist-get range :start) :character)
                           :endLine (plist-get (plist-get range :end) :line)
                           :endCharacter (plist-get (plist-get range :end) :character)
                           :severity (plist-get lsp :severity) :code (plist-get lsp :code)
                           :source (plist-get lsp :source) :message (plist-get lsp :message)
                           :kind (plist-get (plist-get lsp :data) :kind))))
    (tlsguard-e2e-emit :event "diagnostics" :phase "initial" :file file
                       :count (length diagnostics))
    ;; An unmodified buffer is not written by save-buffer; a user saves after an edit.
    (set-buffer-modified-p t)
    (let ((inhibit-message t))
      (save-buffer))
    (tlsguard-e2e-emit :event "written" :file file)
    (tlsguard-e2e-finish 0 "ok" :diagnostics (length diagnostics))))
