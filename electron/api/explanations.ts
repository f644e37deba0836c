// A problem told to the user as a code and parameters, said in the user's language by the renderer.
/**
 * A problem told to the user: `code` names the sentence, which the renderer says in the user's
 * language (renderer/src/i18n, key `explain.<code>`), filled with `params`: names, paths and the
 * server's or the system's own words, which stay as they are.
 */
export interface Explanation {
  code: ExplanationCode;
  params: Record<string, string>;
}

export type ExplanationCode =
  | 'context.noCluster' | 'context.unknownCluster' | 'context.noServer' | 'context.unknownUser' | 'context.unusable'
  | 'file.missingDefault' | 'file.missingEnv' | 'file.missingAdded' | 'file.notAFile' | 'file.unreadable'
  | 'file.notYaml' | 'file.notKubeconfig' | 'file.notYamlKept' | 'file.notKubeconfigKept'
  | 'file.wrongType' | 'file.badBase64' | 'file.duplicateName' | 'file.wrongKind' | 'file.tooLarge'
  | 'connection.anonymous' | 'connection.unauthorized' | 'connection.forbidden' | 'connection.tls'
  | 'connection.auth' | 'connection.unreachable' | 'connection.failed' | 'connection.untrustedPlugin'
  | 'namespaces.fallback'
  | 'manifest.notYaml' | 'manifest.notService' | 'manifest.nameChanged' | 'manifest.namespaceChanged' | 'manifest.namespaceMismatch'
  | 'portForward.noSelector' | 'portForward.noPort' | 'portForward.noReadyPod' | 'portForward.noNamedPort' | 'portForward.localPort'
  | 'draft.notYaml' | 'draft.manyDocuments' | 'draft.notService' | 'draft.tooLarge' | 'draft.unreadable' | 'draft.folderUnreadable'
  | 'apply.noConnection'
  | 'server.said';
