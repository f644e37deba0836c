/** The annotations the KubeSphere console reads, which Portolan writes too (shared by core and renderer). */
export const ALIAS_ANNOTATION = 'kubesphere.io/alias-name';
export const DESCRIPTION_ANNOTATION = 'kubesphere.io/description';
