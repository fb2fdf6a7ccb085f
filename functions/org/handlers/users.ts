/** HTTP handlers: people and their roles. */
import { CreateUserBody, UpdateUserBody, UserQuery } from '../../../shared/org/contracts.js'
import { parse } from '../../lib/validation.js'
import type { OrgRoute } from '../routes.js'
import { createUser, getUser, listUsers, unlockSignIn, updateUser } from '../usecases/users.js'

export const searchUsers: OrgRoute = async ({ ctx, query }) => ({ body: await listUsers(ctx, parse(UserQuery, query)) })
export const showUser: OrgRoute = async ({ ctx, params }) => ({ body: await getUser(ctx, params.userId) })
export const addUser: OrgRoute = async ({ ctx, body }) => ({ status: 201, body: await createUser(ctx, parse(CreateUserBody, body)) })
export const changeUser: OrgRoute = async ({ ctx, params, body }) => ({ body: await updateUser(ctx, params.userId, parse(UpdateUserBody, body)) })
export const unlockUser: OrgRoute = async ({ ctx, params }) => ({ body: await unlockSignIn(ctx, params.userId) })
