;;; lsp-mode-fix-on-save.el --- fix-on-save check for tlsguard in batch Emacs with lsp-mode -*- lexical-binding: t -*-
;;
;; Loads the user configuration in $TLSGUARD_E2E_CONFIG (the lsp-mode snippet of
;; docs/editors.md), visits $TLSGUARD_E2E_FILE, waits for the first diagnostics, then saves the
;; buffer, which runs the snippet's before-save fix.  Prints JSON lines on stdout in the format
;; of the LSP client harnesses.  Exit status: 0 ok, 1 failure, 2 timeout.
;;
;; Run as: emacs --batch --no-init-file -l lsp-mode-fix-on-save.el

(require 'cl-lib)
(require 'json)

(defun tlsguard-e2e-emit (&rest plist)
  "Print PLIST as one JSON object, with the client name added."
  (princ (concat (json-encode (append (list :client "lsp-mode") plist)) "\n")))

(defun tlsguard-e2e-finish (code status &rest extra)
  "Print the result event, stop the servers and exit with CODE."
  (apply #'tlsguard-e2e-emit :event "result" :status status :exit code extra)
  (when (fboundp 'lsp-workspace-shutdown)
    (dolist (workspace (ignore-errors (lsp-workspaces)))
      (ignore-errors (with-timeout (5 nil) (lsp-workspace-shutdown workspace)))))
  (kill-emacs code))

(defun tlsguard-e2e-wait (seconds predicate)
  "Process output and timers until PREDICATE returns non-nil or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)) done)
    (while (and (not (setq done (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    done))

(let* ((config (getenv "TLSGUARD_E2E_CONFIG"))
       (file (getenv "TLSGUARD_E2E_FILE"))
       (timeout (string-to-number (or (getenv "TLSGUARD_E2E_TIMEOUT") "60")))
       (state (make-temp-file "tlsguard-lsp-mode-" t)))
  (unless (and config file)
    (message "set TLSGUARD_E2E_CONFIG and TLSGUARD_E2E_FILE")
    (kill-emacs 64))
  (setq file (expand-file-name file))
  ;; Batch Emacs must not prompt, write state into ~/.emacs.d, or leave files next to the
  ;; fixture. The mode-line and header-line features need a display, so they are off.
  (setq make-backup-files nil create-lockfiles nil auto-save-default nil
        lsp-session-file (expand-file-name "session" state)
        lsp-server-install-dir (expand-file-name "servers" state)
        lsp-auto-guess-root nil
        lsp-enable-file-watchers nil
        lsp-keep-workspace-alive nil
        lsp-diagnostics-provider :flymake
        lsp-modeline-code-actions-enable nil
        lsp-modeline-diagnostics-enable nil
        lsp-modeline-workspace-status-enable nil
        lsp-headerline-breadcrumb-enable nil
        lsp-enable-snippet nil)
  (load config nil t t)
  (require 'lsp-mode)
  ;; lsp-mode asks which folder is the project root; the fixture's folder is the answer.
  (lsp-workspace-folders-add (file-name-directory file))
  (find-file file)
  ;; lsp-deferred starts the client when the buffer becomes visible, which never happens in
  ;; batch mode, so start it as the visible buffer would.
  (unless (bound-and-true-p lsp-mode)
    (lsp))
  (unless (tlsguard-e2e-wait timeout (lambda () (gethash file (lsp-diagnostics t))))
    (tlsguard-e2e-finish 2 "timeout" :waiting_for "publishDiagnostics"))

  (let ((diagnostics (gethash file (lsp-diagnostics t))))
    (dolist (diagnostic diagnostics)
      (let* ((range (lsp:diagnostic-range diagnostic))
             (start (lsp:range-start range))
             (end (lsp:range-end range)))
        (tlsguard-e2e-emit :event "diagnostic" :phase "initial" :file file
                           :line (lsp:position-line start)
                           :character (lsp:position-character start)
                           :endLine (lsp:position-line end)
                           :endCharacter (lsp:position-character end)
                           :severity (lsp:diagnostic-severity? diagnostic)
                           :code (lsp:diagnostic-code? diagnostic)
                           :source (lsp:diagnostic-source? diagnostic)
                           :message (lsp:diagnostic-message diagnostic)
                           ;; lsp-mode 8.0 has no accessor for `data'; its diagnostics
                           ;; are hash tables unless lsp-use-plists is set.
                           :kind (let ((data (and (hash-table-p diagnostic)
                                                  (gethash "data" diagnostic))))
                                   (and (hash-table-p data) (gethash "kind" data))))))
    (tlsguard-e2e-emit :event "diagnostics" :phase "initial" :file file
                       :count (length diagnostics))
    ;; An unmodified buffer is not written by save-buffer; a user saves after an edit.
    (set-buffer-modified-p t)
    (let ((inhibit-message t))
      (save-buffer))
    (tlsguard-e2e-emit :event "written" :file file)
    (delete-directory state t)
    (tlsguard-e2e-finish 0 "ok" :diagnostics (length diagnostics))))
